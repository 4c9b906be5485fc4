package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.PodmanValues;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.systemd.SystemdDirectives;
import dev.berth.spec.systemd.SystemdSectionCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code berth check} finds beyond the translation: input Quadlet accepts and generates, but that systemd or
 * podman refuses or ignores when the unit runs. These never change what is generated (berth accepts what Quadlet
 * accepts), and they are warnings: the unit is written and loads; the warning says what will fail or be lost.
 * They run in {@code berth check} and {@code berth generate}, not in the systemd generator, which must stay fast.
 * docs/check.md lists every check and why it is a warning.
 */
public final class RunTimeChecks {

    private final SystemdSectionCheck systemd = new SystemdSectionCheck(SystemdDirectives.load());

    /** The warnings for {@code sources} (each with its drop-ins merged), in file order. */
    public List<Diagnostic> check(List<SourceUnit> sources) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> mainSections = new LinkedHashSet<>();
        for (UnitKind k : UnitKind.values()) {
            mainSections.add(k.section());
        }
        for (SourceUnit u : sources) {
            Set<String> own = Set.of(u.kind().section(), "Quadlet");
            out.addAll(systemd.check(u.file(), own, mainSections));
            u.file().section(u.kind().section()).ifPresent(s -> out.addAll(PodmanValues.check(s)));
            execStarts(u).ifPresent(out::add);
        }
        out.addAll(duplicateContainerNames(sources));
        return out;
    }

    /**
     * Quadlet appends its own {@code ExecStart=} (podman run, pod start, kube play, ... create) to the file's
     * {@code [Service]}; systemd refuses to load a service with more than one unless it is {@code Type=oneshot}
     * ("Service has more than one ExecStart= setting ... Refusing"), and the unit then never starts.
     */
    static Optional<Diagnostic> execStarts(SourceUnit u) {
        Optional<Section> service = u.file().section("Service");
        if (service.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> starts = new ArrayList<>();
        for (Entry e : service.get().entries("ExecStart")) {
            if (e.isEmptyAssignment()) {
                starts.clear(); // an empty assignment resets the list
            } else {
                starts.add(e);
            }
        }
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        String type = service.get().last("Type").map(e -> e.value().strip()).orElse(defaultType(u.kind()));
        if (type.equals("oneshot")) {
            return Optional.empty();
        }
        Entry first = starts.get(0);
        return Optional.of(Diagnostic.warning(first.position(), (starts.size() + 1) + " ExecStart= lines in a "
                + "Type=" + type + " service (Quadlet adds its own podman command as one more): systemd refuses "
                + "to load the unit, so it never starts", "move the command to ExecStartPre= or ExecStartPost=, "
                + "or set Type=oneshot"));
    }

    private static String defaultType(UnitKind kind) {
        return switch (kind) {
            case CONTAINER, KUBE -> "notify";
            case POD -> "forking";
            default -> "oneshot";
        };
    }

    /**
     * Two {@code .container} files with the same {@code ContainerName=}: Quadlet runs podman with {@code --replace},
     * so starting one removes the other's running container.
     */
    static List<Diagnostic> duplicateContainerNames(List<SourceUnit> sources) {
        Map<String, SourceUnit> seen = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (SourceUnit u : sources) {
            if (u.kind() != UnitKind.CONTAINER) {
                continue;
            }
            Optional<Entry> name = u.file().section("Container").flatMap(s -> s.last("ContainerName"))
                    .filter(e -> !e.value().isBlank() && !e.value().contains("%"));
            if (name.isEmpty()) {
                continue;
            }
            String value = name.get().value().strip();
            SourceUnit first = seen.putIfAbsent(value, u);
            if (first != null) {
                out.add(Diagnostic.warning(name.get().valuePosition(), "ContainerName=" + value + " is also the "
                        + "name in " + first.path() + ": podman runs with --replace, so starting one of them "
                        + "removes the other's container", "give each container a name of its own"));
            }
        }
        return out;
    }
}
