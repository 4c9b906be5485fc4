package dev.berth.generator;

import dev.berth.spec.quadlet.ArtifactKeys;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/**
 * {@code .artifact} files (Podman 5.7; not in Quadlet 5.4.2): a oneshot service that runs
 * {@code podman artifact pull}, in the style of 5.4.2's {@code .image} units. Unlike 5.4.2's kinds, {@code [Unit]}
 * dependencies on Quadlet files are translated, as every later Quadlet does.
 */
final class ArtifactTranslator implements Translator {

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        if (!CommonSteps.checkKeys(ctx, true)) {
            return Optional.empty();
        }
        SectionReader artifact = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);
        Optional<String> name = artifact.single(ArtifactKeys.ARTIFACT).filter(a -> !a.isEmpty());
        if (name.isEmpty()) {
            ctx.error(artifact.positionOf(ArtifactKeys.ARTIFACT),
                    artifact.has(ArtifactKeys.ARTIFACT) ? "Artifact= is empty" : "a .artifact file needs Artifact=",
                    "add Artifact=<artifact to pull>");
            return Optional.empty();
        }

        PodmanCommand podman = CommonSteps.basePodman(ctx).add("artifact", "pull");
        CatalogFlags.emit(artifact, podman, unit.kind().section()); // AuthFile= to TLSVerify=
        PodmanArgs.add(artifact, podman);
        podman.add(name.get());

        service.add(CommonSteps.SERVICE, "ExecStart", podman.toExecLine());
        CommonSteps.oneshotDefaults(service, true);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }
}
