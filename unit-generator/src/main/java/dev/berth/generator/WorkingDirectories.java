package dev.berth.generator;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.quadlet.UnitKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code SetWorkingDirectory=} of {@code .kube} and {@code .build} files (Quadlet's handleSetWorkingDirectory):
 * sets {@code [Service] WorkingDirectory=} to the directory of the YAML file, the Containerfile or the unit file,
 * unless the user set one; for {@code .build} any other value is the build context (a path or a URL).
 */
final class WorkingDirectories {

    /**
     * What Quadlet takes for a remote build context. The pattern is Quadlet's, quirks included: anything starting
     * with "http" counts, and so does anything containing the code host's name followed by a path.
     */
    private static final Pattern URL = Pattern.compile("^((https?)|(git)://)|(github\\.com/).+$");

    private WorkingDirectories() {
    }

    static boolean isUrl(String value) {
        return URL.matcher(value).find();
    }

    /**
     * Applies {@code SetWorkingDirectory=} to {@code service} and returns the build context it names (the empty
     * string for none), or empty after reporting a problem.
     *
     * @param yamlFiles for {@code .kube}: the YAML files, in order
     */
    static Optional<String> apply(TranslationContext ctx, SectionReader main, ServiceBuilder service, List<String> yamlFiles) {
        Optional<String> value = main.single("SetWorkingDirectory").filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.of("");
        }
        UnitKind kind = ctx.unit().kind();
        Position at = KindSteps.valuePosition(main, "SetWorkingDirectory");
        String swd = value.get();
        String relativeToFile = "";
        String context = "";
        switch (swd.toLowerCase(java.util.Locale.ROOT)) {
            case "yaml" -> {
                if (kind != UnitKind.KUBE) {
                    ctx.error(at, "SetWorkingDirectory=" + swd + " is only for .kube files",
                            "use SetWorkingDirectory=file (the Containerfile's directory), unit, or a path or URL");
                    return Optional.empty();
                }
                if (yamlFiles.size() != 1) {
                    // Quadlet 5.4.2 reads only the last Yaml=; with several YAML files "the YAML's directory" is ambiguous.
                    ctx.error(at, "SetWorkingDirectory=yaml needs exactly one Yaml=, but there are " + yamlFiles.size(),
                            "use SetWorkingDirectory=unit, or set [Service] WorkingDirectory=");
                    return Optional.empty();
                }
                relativeToFile = yamlFiles.get(0);
            }
            case "file" -> {
                if (kind != UnitKind.BUILD) {
                    ctx.error(at, "SetWorkingDirectory=" + swd + " is only for .build files",
                            "use SetWorkingDirectory=yaml (the YAML file's directory) or unit");
                    return Optional.empty();
                }
                Optional<String> file = main.single("File");
                if (file.isEmpty()) {
                    ctx.error(at, "SetWorkingDirectory=" + swd + " needs File=, the Containerfile whose directory to use",
                            "add File=<path of the Containerfile>, or use SetWorkingDirectory=unit");
                    return Optional.empty();
                }
                if (isUrl(file.get())) {
                    // Quadlet would make the URL a path below the unit's directory, and the service could not start there.
                    ctx.error(at, "SetWorkingDirectory=" + swd + " needs a local File=, but File= is the URL "
                                    + file.get(),
                            "use SetWorkingDirectory=unit, or a path or URL as the build context");
                    return Optional.empty();
                }
                relativeToFile = file.get();
            }
            case "unit" -> relativeToFile = ctx.unit().path();
            default -> {
                if (kind != UnitKind.BUILD) {
                    ctx.error(at, "SetWorkingDirectory=" + swd + " is not one of yaml or unit",
                            "use SetWorkingDirectory=yaml (the YAML file's directory) or unit (the unit file's)");
                    return Optional.empty();
                }
                context = swd;
                if (!GoPaths.isAbs(context)) {
                    relativeToFile = ctx.unit().path();
                }
            }
        }
        if (!relativeToFile.isEmpty() && !isUrl(context)) {
            Optional<String> userDirectory = userWorkingDirectory(ctx);
            if (userDirectory.isPresent()) {
                if (!context.isEmpty()) {
                    ctx.warning(at, "SetWorkingDirectory=" + swd + " is ignored because [Service] WorkingDirectory="
                                    + userDirectory.get() + " is set, which becomes the build context",
                            "remove one of them");
                }
                return Optional.of("");
            }
            String inDirectory = GoPaths.absolute(ctx, relativeToFile);
            service.add(CommonSteps.SERVICE, "WorkingDirectory", GoPaths.dir(inDirectory));
        }
        return Optional.of(context);
    }

    /** {@code [Service] WorkingDirectory=} as the user wrote it, when not empty. */
    static Optional<String> userWorkingDirectory(TranslationContext ctx) {
        return KindSteps.sourceSection(ctx, CommonSteps.SERVICE).single("WorkingDirectory").filter(v -> !v.isEmpty());
    }
}
