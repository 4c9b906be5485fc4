package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import java.util.Optional;

/**
 * The warning Quadlet gives for an {@code Image=} that is not fully qualified: podman then resolves it through
 * short-name aliases or by asking several registries, which is slow and can pull an unexpected image.
 */
final class ImageNames {

    private ImageNames() {
    }

    /** Warns at {@code key}'s value when it is a short image name; Quadlet file references are not image names. */
    static void warnIfShortName(TranslationContext ctx, SectionReader section, String key) {
        Optional<String> image = section.single(key);
        if (image.isEmpty() || ImageReferences.isQuadletReference(image.get()) || isFullyQualified(image.get())) {
            return;
        }
        ctx.warning(KindSteps.valuePosition(section, key), "'" + image.get()
                        + "' is not a fully qualified image name, so podman resolves it through short-name aliases",
                "name the registry as well, as in <registry host>/<path>:<tag>");
    }

    /** A name with a registry host (a dot, a port or {@code localhost} before the first slash), or an image ID. */
    static boolean isFullyQualified(String image) {
        if (isImageId(image)) {
            return true;
        }
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String host = image.substring(0, slash);
        return host.contains(".") || host.contains(":") || host.equals("localhost");
    }

    /** {@code sha256:...}, or exactly 64 hexadecimal digits. */
    static boolean isImageId(String image) {
        if (image.startsWith("sha256:")) {
            return true;
        }
        if (image.length() != 64) {
            return false;
        }
        for (int i = 0; i < image.length(); i++) {
            if (Character.digit(image.charAt(i), 16) < 0 || image.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
