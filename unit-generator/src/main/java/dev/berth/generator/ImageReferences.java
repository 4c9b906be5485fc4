package dev.berth.generator;

import dev.berth.spec.Position;
import java.util.Optional;

/**
 * {@code Image=} values: a registry reference passes through; {@code x.image} or {@code x.build} becomes the image
 * that file pulls or builds, and the unit then requires and follows that file's service.
 */
public final class ImageReferences {

    private ImageReferences() {
    }

    /** Whether the value names a Quadlet file rather than an image. */
    public static boolean isQuadletReference(String image) {
        return image.endsWith(".build") || image.endsWith(".image");
    }

    /**
     * The image to run for {@code image} as written in {@code key} at {@code at}: unchanged for a plain reference,
     * else the referenced file's image with {@code Requires=}/{@code After=} its service added to {@code [Unit]}.
     * Empty after an error was reported (missing file, or an image name that cannot be known).
     */
    public static Optional<String> resolve(TranslationContext ctx, ServiceBuilder service, String key, String image,
                                           Position at) {
        if (!isQuadletReference(image)) {
            return Optional.of(image);
        }
        Optional<UnitInfo> info = UnitReferences.find(ctx, key, image, at);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        // Quadlet adds the dependency before it looks at the name; keep that order for identical output.
        UnitReferences.requireAndFollow(service, info.get());
        return UnitReferences.resourceName(ctx, key, image, info.get(), at);
    }
}
