package dev.berth.generator;

import dev.berth.spec.Position;
import java.util.Optional;

/**
 * Values that name another Quadlet file ({@code Image=app.build}, {@code Network=db.container},
 * {@code Volume=data.volume:/srv}): finding that file, the podman object it creates, and the ordering
 * dependency on its service. Every failure is reported where the reference is written.
 */
public final class UnitReferences {

    private UnitReferences() {
    }

    /**
     * The file {@code fileName} as named by {@code key}, or empty after reporting that no such file was loaded.
     * Quadlet resolves references by file name only, never by path.
     */
    public static Optional<UnitInfo> find(TranslationContext ctx, String key, String fileName, Position at) {
        Optional<UnitInfo> info = ctx.index().find(fileName);
        if (info.isEmpty()) {
            reportMissing(ctx, key, fileName, at);
        }
        return info;
    }

    /** Errors in methods of their own: the methods every reference passes through stay small for the JIT compiler. */
    private static void reportMissing(TranslationContext ctx, String key, String fileName, Position at) {
        ctx.error(at, key + "= names " + fileName + ", but there is no such Quadlet file",
                "create " + fileName + " in one of the Quadlet directories, or fix the name");
    }

    /**
     * The podman object the referenced file creates, or empty after reporting that it cannot be known when the
     * units are generated (a name with systemd specifiers, or a file that does not say it). Quadlet writes an
     * empty name in some of these cases ({@code -v :/dest}, {@code --rootfs ""}); berth refuses instead.
     */
    public static Optional<String> resourceName(TranslationContext ctx, String key, String fileName, UnitInfo info,
                                                Position at) {
        Optional<String> name = info.resourceName();
        if (name.isEmpty() || name.get().isEmpty()) {
            reportUnknownName(ctx, key, fileName, at);
            return Optional.empty();
        }
        return name;
    }

    private static void reportUnknownName(TranslationContext ctx, String key, String fileName, Position at) {
        ctx.error(at, key + "= names " + fileName + ", but the name of what " + fileName
                        + " creates cannot be known when the units are generated",
                "give " + fileName + " an explicit name without systemd specifiers ("
                        + nameKeyOf(fileName) + "), or refer to that name directly");
    }

    /** {@code Requires=} and {@code After=} the referenced service, appended to {@code [Unit]}. */
    public static void requireAndFollow(ServiceBuilder service, UnitInfo info) {
        service.add(CommonSteps.UNIT, "Requires", info.serviceFileName());
        service.add(CommonSteps.UNIT, "After", info.serviceFileName());
    }

    private static String nameKeyOf(String fileName) {
        if (fileName.endsWith(".container")) {
            return "ContainerName=";
        }
        if (fileName.endsWith(".volume")) {
            return "VolumeName=";
        }
        if (fileName.endsWith(".network")) {
            return "NetworkName=";
        }
        if (fileName.endsWith(".image")) {
            return "Image= or ImageTag=";
        }
        if (fileName.endsWith(".build")) {
            return "ImageTag=";
        }
        if (fileName.endsWith(".pod")) {
            return "PodName=";
        }
        if (fileName.endsWith(".artifact")) {
            return "Artifact=";
        }
        return "its name key";
    }
}
