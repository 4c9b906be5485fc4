package dev.berth.generator;

import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.quadlet.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The naming rules: which service a file becomes and which podman object it creates. */
public final class UnitNames {

    private UnitNames() {
    }

    static SectionReader main(SourceUnit u) {
        Optional<dev.berth.spec.syntax.Section> s = u.file().section(u.kind().section());
        // Not orElse(new Section(..)): that would build the empty section for every file that has one.
        return s.isPresent() ? new SectionReader(s.get(), new ArrayList<>())
                : SectionReader.empty(u.kind().section(), u.path(), new ArrayList<>());
    }

    /** {@code ServiceName=} verbatim, else the base name plus the kind's suffix ({@code db.volume} → {@code db-volume}). */
    public static String serviceName(SourceUnit u) {
        return serviceName(u, main(u));
    }

    /** {@link #serviceName(SourceUnit)} reading {@code main}, the unit's main section. */
    static String serviceName(SourceUnit u, SectionReader main) {
        return serviceName(u, main, QuadletVersion.NEWEST);
    }

    /**
     * The service name for a target. Since 5.7 a template keeps the {@code @} at the end
     * ({@code data@.volume} becomes {@code data-volume@.service}); before, the kind's suffix came after it
     * ({@code data@-volume.service}).
     */
    static String serviceName(SourceUnit u, SectionReader main, QuadletVersion target) {
        String explicit = main.single("ServiceName", null);
        if (explicit != null) {
            return explicit;
        }
        String base = u.baseName();
        String suffix = u.kind().serviceSuffix();
        if (!suffix.isEmpty() && base.endsWith("@") && target.has(QuadletBehaviour.TEMPLATE_REFERENCES)) {
            return base.substring(0, base.length() - 1) + suffix + "@";
        }
        return base + suffix;
    }

    /** The podman object's name, where it can be known before translation. */
    public static Optional<String> resourceName(SourceUnit u) {
        return resourceName(u, main(u));
    }

    /** {@link #resourceName(SourceUnit)} reading {@code s}, the unit's main section. */
    static Optional<String> resourceName(SourceUnit u, SectionReader s) {
        return resourceName(u, s, u.kind() == UnitKind.CONTAINER ? serviceName(u, s) : null);
    }

    /** {@link #resourceName(SourceUnit, SectionReader)} with the unit's service name already known. */
    static Optional<String> resourceName(SourceUnit u, SectionReader s, String serviceName) {
        return resourceName(u, s, serviceName, QuadletVersion.NEWEST);
    }

    /**
     * The resource name for a target. Since 5.7 a template volume or network is named per instance
     * ({@code data@.volume} creates {@code systemd-data-%i}); so is an instance file ({@code data@one.volume}
     * creates {@code systemd-data-one}, the volume the template's instance one creates, where Quadlet 5.7+
     * writes {@code systemd-data@on-%i}). Before, every instance shared {@code systemd-data@}.
     */
    static Optional<String> resourceName(SourceUnit u, SectionReader s, String serviceName, QuadletVersion target) {
        return switch (u.kind()) {
            case CONTAINER -> containerResourceName(u, s, serviceName);
            case VOLUME -> Optional.of(Optional.ofNullable(s.nonEmpty("VolumeName")).orElse(defaultName(u, target)));
            case NETWORK -> Optional.of(Optional.ofNullable(s.nonEmpty("NetworkName")).orElse(defaultName(u, target)));
            case POD -> Optional.of(Optional.ofNullable(s.nonEmpty("PodName")).orElse("systemd-" + u.baseName()));
            case IMAGE -> Optional.ofNullable(s.nonEmpty("ImageTag")).or(() -> s.single("Image"));
            case BUILD -> s.list("ImageTag").stream().findFirst();
            case ARTIFACT -> s.single("Artifact");
            case KUBE -> Optional.empty();
        };
    }

    /** {@code systemd-<base>}, templates and instances as {@link #resourceName} says. */
    private static String defaultName(SourceUnit u, QuadletVersion target) {
        String base = u.baseName();
        int at = base.indexOf('@');
        if (at < 0 || !target.has(QuadletBehaviour.TEMPLATE_REFERENCES)) {
            return "systemd-" + base;
        }
        String instance = base.substring(at + 1);
        return "systemd-" + base.substring(0, at) + "-" + (instance.isEmpty() ? "%i" : instance);
    }

    private static Optional<String> containerResourceName(SourceUnit u, SectionReader s, String serviceName) {
        String name = containerName(u, s);
        // No specifier, nothing to replace (the usual ContainerName=): no search for "%N" either.
        String resolved = name.indexOf('%') < 0 ? name : name.replace("%N", serviceName);
        return resolved.indexOf('%') >= 0 ? Optional.empty() : Optional.of(resolved);
    }

    /** {@code ContainerName=}, else {@code systemd-%N} ({@code systemd-%p_%i} for templates and instances). */
    public static String containerName(SourceUnit u) {
        return containerName(u, main(u));
    }

    /** {@link #containerName(SourceUnit)} reading {@code main}, the unit's main section. */
    static String containerName(SourceUnit u, SectionReader main) {
        String explicit = main.nonEmpty("ContainerName");
        if (explicit != null) {
            return explicit;
        }
        return u.fileName().indexOf('@') >= 0 ? "systemd-%p_%i" : "systemd-%N";
    }

    /** For each {@code .pod} file name, the services of the containers that name it in {@code Pod=} and start with it. */
    static Map<String, List<String>> podMembers(List<SourceUnit> units) {
        List<SectionReader> mains = new ArrayList<>(units.size());
        for (SourceUnit u : units) {
            mains.add(main(u));
        }
        return podMembers(units, mains);
    }

    /** {@link #podMembers(List)} with each unit's main section already open ({@code mains.get(i)} for unit i). */
    static Map<String, List<String>> podMembers(List<SourceUnit> units, List<SectionReader> mains) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            String pod = podStartingWith(units.get(i), mains.get(i));
            if (pod != null) {
                out.computeIfAbsent(pod, p -> new ArrayList<>()).add(serviceName(units.get(i), mains.get(i)) + ".service");
            }
        }
        return out;
    }

    /** The {@code Pod=} value of a container that joins that pod and starts with it; null for any other file. */
    static String podStartingWith(SourceUnit u, SectionReader main) {
        if (u.kind() != UnitKind.CONTAINER) {
            return null;
        }
        Optional<String> pod = main.single("Pod");
        if (pod.isEmpty() || !main.bool("StartWithPod", true) || u.isTemplate()) {
            return null;
        }
        return pod.get();
    }
}
