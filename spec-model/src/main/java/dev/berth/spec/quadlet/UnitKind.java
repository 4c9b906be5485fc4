package dev.berth.spec.quadlet;

import java.util.Locale;
import java.util.Optional;

/** The eight Quadlet file kinds, by file extension and main section. */
public enum UnitKind {
    CONTAINER("container", "Container", ""),
    VOLUME("volume", "Volume", "-volume"),
    NETWORK("network", "Network", "-network"),
    POD("pod", "Pod", "-pod"),
    KUBE("kube", "Kube", ""),
    IMAGE("image", "Image", "-image"),
    BUILD("build", "Build", "-build"),
    ARTIFACT("artifact", "Artifact", "-artifact");

    /** {@link #values()} without the copy it makes at every call; asked for every file name in a directory. */
    private static final UnitKind[] ALL = values();

    private final String extension;
    private final String section;
    private final String serviceSuffix;

    UnitKind(String extension, String section, String serviceSuffix) {
        this.extension = extension;
        this.section = section;
        this.serviceSuffix = serviceSuffix;
    }

    /** Without the dot: {@code container}. */
    public String extension() {
        return extension;
    }

    /** The main section: {@code Container}. */
    public String section() {
        return section;
    }

    /** What the default service name appends to the base name: {@code -volume} for {@code db.volume}. */
    public String serviceSuffix() {
        return serviceSuffix;
    }

    /** The name Quadlet renames the main section to in the generated unit, which systemd ignores. */
    public String generatedSection() {
        return "X-" + section;
    }

    public static Optional<UnitKind> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return ofExtension(fileName.substring(dot + 1));
    }

    public static Optional<UnitKind> ofExtension(String ext) {
        for (UnitKind k : ALL) {
            if (k.extension.equals(ext)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<UnitKind> ofSection(String section) {
        for (UnitKind k : values()) {
            if (k.section.equals(section)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
