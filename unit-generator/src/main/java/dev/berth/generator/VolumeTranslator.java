package dev.berth.generator;

import dev.berth.spec.quadlet.VolumeKeys;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .volume} files: a oneshot service that runs {@code podman volume create --ignore} (Quadlet 5.4.2's
 * ConvertVolume, plus the newer {@code UID=}/{@code GID=} keys).
 */
final class VolumeTranslator implements Translator {

    /** The keys Quadlet ignores without a word when {@code Driver=image}. */
    private static final List<String> IGNORED_WITH_IMAGE_DRIVER = List.of("User", "Group", "Copy", "Device", "Type",
            "Options");

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        CommonSteps.checkKeys(ctx, false);
        SectionReader volume = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);

        PodmanCommand podman = CommonSteps.basePodman(ctx).add("volume", "create", "--ignore");
        ownerFlag(ctx, volume, "UID", "--uid", podman);
        ownerFlag(ctx, volume, "GID", "--gid", podman);
        Optional<String> driver = volume.single(VolumeKeys.DRIVER);
        driver.ifPresent(d -> podman.add("--driver", d));

        Optional<String> options;
        if (driver.filter("image"::equals).isPresent()) {
            options = imageOption(ctx, volume, service);
        } else {
            options = mountOptions(ctx, volume, service, podman);
            if (volume.has(VolumeKeys.IMAGE)) {
                ctx.warning(volume.positionOf(VolumeKeys.IMAGE), "Image= is ignored unless Driver=image",
                        "add Driver=image to mount the image, or remove Image=");
            }
        }
        options.ifPresent(o -> podman.add("--opt", o));
        KeyValueArguments.add(ctx, volume, "Label", "--label", podman);
        PodmanArgs.add(volume, podman);
        podman.add(KindSteps.resourceName(ctx));

        service.add(CommonSteps.SERVICE, "ExecStart", podman.toExecLine());
        CommonSteps.oneshotDefaults(service, true);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }

    /** {@code UID=}/{@code GID=}: the owner of the volume's mount point, passed to podman as written. */
    private static void ownerFlag(TranslationContext ctx, SectionReader volume, String key, String flag,
                                  PodmanCommand podman) {
        Optional<String> value = volume.single(key);
        if (value.isEmpty()) {
            return;
        }
        if (value.get().isEmpty()) {
            // Later Quadlets pass the empty value on, and podman volume create then fails.
            ctx.error(volume.positionOf(key), key + "= is empty", "remove the line, or give a numeric id");
            return;
        }
        podman.add(flag, value.get());
    }

    /** {@code image=<image>} for the image driver; {@code x.image} and {@code x.build} name that file's image. */
    private static Optional<String> imageOption(TranslationContext ctx, SectionReader volume, ServiceBuilder service) {
        for (String key : IGNORED_WITH_IMAGE_DRIVER) {
            if (volume.has(key)) {
                ctx.warning(volume.positionOf(key), key + "= is ignored with Driver=image",
                        "remove " + key + "=, or use another driver");
            }
        }
        Optional<Entry> image = volume.lastEntry(VolumeKeys.IMAGE);
        if (image.isEmpty()) {
            ctx.error(volume.positionOf(VolumeKeys.DRIVER), "Driver=image needs Image=, the image to mount",
                    "add Image=<image>, or Image=<name>.image to use a .image file");
            return Optional.empty();
        }
        String name = volume.single(VolumeKeys.IMAGE).orElseThrow();
        if (name.isEmpty()) {
            // Quadlet would write --opt image= and podman would fail when the service starts.
            ctx.error(image.get().position(), "Image= is empty, but Driver=image needs an image to mount",
                    "name the image, or a .image or .build file");
            return Optional.empty();
        }
        return ImageReferences.resolve(ctx, service, "Image", name, image.get().valuePosition()).map(i -> "image=" + i);
    }

    /**
     * The mount options of every other driver: {@code --opt copy|nocopy}, {@code --opt device=},
     * {@code --opt type=} are added to {@code podman} at once; the returned {@code o=uid=..,gid=..,<Options>}
     * comes after them.
     */
    private static Optional<String> mountOptions(TranslationContext ctx, SectionReader volume, ServiceBuilder service,
                                                 PodmanCommand podman) {
        List<String> o = new ArrayList<>();
        numericId(ctx, volume, "User", "uid", "UID").ifPresent(o::add);
        numericId(ctx, volume, "Group", "gid", "GID").ifPresent(o::add);
        volume.bool(VolumeKeys.COPY).ifPresent(copy -> podman.add("--opt", copy ? "copy" : "nocopy"));
        Optional<String> device = volume.single(VolumeKeys.DEVICE).filter(d -> !d.isEmpty());
        device.ifPresent(d -> podman.add("--opt", "device=" + d));
        Optional<String> type = volume.single(VolumeKeys.TYPE).filter(t -> !t.isEmpty());
        if (type.isPresent()) {
            if (device.isPresent()) {
                podman.add("--opt", "type=" + type.get());
                if (type.get().equals("bind") && ctx.options().target().has(QuadletBehaviour.VOLUME_BIND_MOUNTS_FOR)) {
                    // The bound directory must be mounted before the volume is created over it.
                    service.add(CommonSteps.UNIT, "RequiresMountsFor", Words.quoteValue(device.get()));
                }
            } else {
                ctx.error(volume.positionOf(VolumeKeys.TYPE), "Type= needs Device=, the device or path of that type to mount",
                        "add Device=<device or path>, or remove Type=");
            }
        }
        Optional<String> mountOptions = volume.single(VolumeKeys.OPTIONS).filter(m -> !m.isEmpty());
        if (mountOptions.isPresent()) {
            if (device.isPresent() || ctx.options().target().has(QuadletBehaviour.VOLUME_OPTIONS_WITHOUT_DEVICE)) {
                o.add(mountOptions.get());
            } else {
                ctx.error(volume.positionOf(VolumeKeys.OPTIONS), "Options= needs Device=, the device or path to mount with them",
                        "add Device=<device or path>, or remove Options=");
            }
        }
        return o.isEmpty() ? Optional.empty() : Optional.of("o=" + String.join(",", o));
    }

    /**
     * {@code User=}/{@code Group=} as {@code uid=N}/{@code gid=N}. Quadlet reads them as numbers and silently
     * writes 0 (root) for anything else, names included; berth reports those values.
     */
    private static Optional<String> numericId(TranslationContext ctx, SectionReader volume, String key, String option,
                                              String what) {
        Optional<Entry> entry = volume.lastEntry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String value = volume.single(key).orElseThrow();
        NumericIds.Result id = NumericIds.read(value);
        if (id.id().isEmpty()) {
            String shown = value.isEmpty() ? key + "= " : key + "=" + value + " ";
            ctx.error(value.isEmpty() ? entry.get().position() : entry.get().valuePosition(),
                    shown + id.problem() + ", but it must be a numeric " + what
                            + " (Quadlet would silently use " + option + "=0, that is root)",
                    value.isEmpty() ? "remove the line, or give a numeric " + what
                            : "write the numeric " + what + " (for a name, see 'getent "
                            + (option.equals("uid") ? "passwd " : "group ") + value + "')");
            return Optional.empty();
        }
        return Optional.of(option + "=" + id.id().get());
    }
}
