package dev.berth.generator;

import dev.berth.spec.quadlet.BuildKeys;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.UnitFile;
import java.util.List;
import java.util.Optional;

/**
 * {@code .build} files: a oneshot service that runs {@code podman build} (Quadlet 5.4.2's ConvertBuild, plus the
 * newer {@code BuildArg=}, {@code IgnoreFile=}, {@code Retry=} and {@code RetryDelay=} keys). It does not remain
 * active after the build, so a later start builds again.
 */
final class BuildTranslator implements Translator {

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        if (!CommonSteps.checkKeys(ctx, true)) {
            return Optional.empty();
        }
        SectionReader build = CommonSteps.main(ctx);
        if (UnitNames.resourceName(unit).isEmpty()) {
            ctx.error(build.positionOf(BuildKeys.IMAGE_TAG), "a .build file needs ImageTag=, the name of the image it builds",
                    "add ImageTag=<name>, for example ImageTag=localhost/" + unit.baseName() + ":latest");
            return Optional.empty();
        }
        ServiceBuilder service = KindSteps.openService(ctx,
                ctx.options().target().has(dev.berth.spec.quadlet.QuadletBehaviour.UNIT_PREAMBLE)
                        ? KindSteps.UnitOrder.SOURCE_PATH_FIRST : KindSteps.UnitOrder.MOUNTS_FIRST);

        PodmanCommand podman = CommonSteps.basePodman(ctx).add("build");
        // podman build only reads --pull=<policy> with the '=' (Podman issue 24599).
        build.single(BuildKeys.PULL).filter(p -> !p.isEmpty()).ifPresent(p -> podman.add("--pull=" + p));
        CatalogFlags.emit(build, podman, unit.kind().section()); // Arch= to ImageTag=
        KeyValueArguments.add(ctx, build, "Annotation", "--annotation", podman);
        KeyValueArguments.add(ctx, build, "Environment", "--env", podman);
        KeyValueArguments.add(ctx, build, "Label", "--label", podman);
        KeyValueArguments.add(ctx, build, "BuildArg", "--build-arg", podman);
        NetworkArguments.add(ctx, build, service, podman);
        podman.addEach("--secret", build.args(BuildKeys.SECRET));
        VolumeArguments.add(ctx, build, service, podman);

        // The Containerfile comes from File=, from the context named by SetWorkingDirectory=, or from the
        // working directory; the context (or working directory) must be the last argument.
        Optional<String> resolvedContext = WorkingDirectories.apply(ctx, build, service, List.of());
        if (resolvedContext.isEmpty()) {
            return Optional.empty();
        }
        String context = resolvedContext.get();
        String workingDirectory = service.lookup(CommonSteps.SERVICE, "WorkingDirectory").orElse("");
        String file = build.single(BuildKeys.FILE).orElse("");
        if (workingDirectory.isEmpty() && file.isEmpty() && context.isEmpty()) {
            ctx.error(KindSteps.sectionPosition(ctx), "a .build file needs File= or SetWorkingDirectory=, to know"
                            + " what to build",
                    "add SetWorkingDirectory=unit to build the directory of this file, or File=<Containerfile>");
            return Optional.empty();
        }
        if (!file.isEmpty()) {
            podman.add("--file", file);
        }
        PodmanArgs.add(build, podman);
        if (!context.isEmpty()) {
            podman.add(context);
        } else if (!GoPaths.isAbs(file) && !WorkingDirectories.isUrl(file)) {
            if (workingDirectory.isEmpty()) {
                ctx.error(KindSteps.valuePosition(build, "File"), "File=" + file
                                + " is a relative path, but nothing says what it is relative to",
                        "add SetWorkingDirectory=unit (relative to this file's directory) or =file, or make File="
                                + " an absolute path");
                return Optional.empty();
            }
            podman.add(workingDirectory);
        }

        service.add(CommonSteps.SERVICE, "ExecStart", podman.toExecLine());
        CommonSteps.oneshotDefaults(service, false);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }
}
