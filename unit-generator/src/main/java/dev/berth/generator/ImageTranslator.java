package dev.berth.generator;

import dev.berth.spec.quadlet.ImageKeys;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/**
 * {@code .image} files: a oneshot service that runs {@code podman image pull} (Quadlet 5.4.2's ConvertImage,
 * plus the newer {@code Policy=}, {@code Retry=} and {@code RetryDelay=} keys).
 */
final class ImageTranslator implements Translator {

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        if (!CommonSteps.checkKeys(ctx, true)) {
            return Optional.empty();
        }
        SectionReader image = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);
        Optional<String> imageName = image.single(ImageKeys.IMAGE).filter(i -> !i.isEmpty());
        if (imageName.isEmpty()) {
            ctx.error(image.positionOf(ImageKeys.IMAGE), image.has(ImageKeys.IMAGE) ? "Image= is empty" : "a .image file needs Image=",
                    "add Image=<image to pull>");
            return Optional.empty();
        }

        PodmanCommand podman = CommonSteps.basePodman(ctx).add("image", "pull");
        CatalogFlags.emit(image, podman, unit.kind().section()); // Arch= to TLSVerify=
        PodmanArgs.add(image, podman);
        podman.add(imageName.get());

        service.add(CommonSteps.SERVICE, "ExecStart", podman.toExecLine());
        CommonSteps.oneshotDefaults(service, true);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }
}
