package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import java.util.Optional;

/**
 * Warns about short image names ({@code busybox}, {@code library/nginx}): podman then resolves them through
 * short-name aliases or a registry search, which is slower and lets the registry list decide what runs.
 * Quadlet logs the same warning from its main program for {@code .container}, {@code .volume} and {@code .image}.
 */
public final class ImageNameCheck {

    private ImageNameCheck() {
    }

    public static Optional<Diagnostic> check(SourceUnit unit) {
        if (unit.kind() != UnitKind.CONTAINER && unit.kind() != UnitKind.VOLUME && unit.kind() != UnitKind.IMAGE) {
            return Optional.empty();
        }
        Optional<Section> main = unit.file().section(unit.kind().section());
        Optional<Entry> image = main.isPresent() ? main.get().last("Image") : Optional.empty();
        if (image.isEmpty()) {
            return Optional.empty();
        }
        String name = unquote(image.get().value().stripTrailing());
        if (name.isEmpty() || name.endsWith(".build") || name.endsWith(".image") || isFullyQualified(name)) {
            return Optional.empty();
        }
        return Optional.of(warning(image.get(), name));
    }

    private static Diagnostic warning(Entry image, String name) {
        return Diagnostic.warning(image.valuePosition(),
                "the image '" + name + "' is not a fully qualified image name, which is slower and less safe: "
                        + "podman resolves it through short-name aliases",
                "name the registry host too, for example 'localhost/" + name + "' for a local image");
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** An image id, or a name whose first component is a host (has a dot or a port, or is localhost). */
    static boolean isFullyQualified(String name) {
        if (name.startsWith("sha256:") || (name.length() == 64 && name.chars().allMatch(ImageNameCheck::isHex))) {
            return true;
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String domain = name.substring(0, slash);
        return domain.contains(".") || domain.contains(":") || domain.equals("localhost");
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
