package dev.berth.generator;

import dev.berth.spec.quadlet.KubeKeys;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .kube} files: a notify service that runs {@code podman kube play} and cleans up with
 * {@code podman kube down} (Quadlet 5.4.2's ConvertKube). Several {@code Yaml=} lines play several files, as in
 * later Quadlets; 5.4.2 silently used only the last one.
 */
final class KubeTranslator implements Translator {

    private static final String AUTO_UPDATE = "--annotation=io.containers.autoupdate";

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        if (!CommonSteps.checkKeys(ctx, true)) {
            return Optional.empty();
        }
        SectionReader kube = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);
        List<String> yamlFiles = yamlFiles(ctx, kube);
        if (yamlFiles.isEmpty()) {
            return Optional.empty();
        }
        List<String> yamlPaths = yamlFiles.stream().map(y -> GoPaths.absolute(ctx, y)).toList();

        SectionReader user = KindSteps.sourceSection(ctx, CommonSteps.SERVICE);
        Optional<String> killMode = user.single("KillMode");
        if (killMode.isEmpty()) {
            // mixed rather than control-group, so that conmon can do its work when the service stops.
            service.set(CommonSteps.SERVICE, "KillMode", "mixed");
        } else if (!killMode.get().equals("mixed") && !killMode.get().equals("control-group")) {
            ctx.error(user.positionOf("KillMode"), "KillMode=" + killMode.get() + " does not work for a kube service",
                    "use KillMode=mixed (the default) or KillMode=control-group");
        }
        service.add(CommonSteps.SERVICE, "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        Optional<String> type = user.single("Type");
        if (type.isPresent() && !type.get().equals("notify") && !type.get().equals("oneshot")) {
            ctx.error(user.positionOf("Type"), "Type=" + type.get() + " does not work for a kube service",
                    "remove Type= (the service is Type=notify), or use Type=oneshot for YAML that only creates"
                            + " resources");
        }
        if (!type.filter("oneshot"::equals).isPresent()) {
            service.set(CommonSteps.SERVICE, "Type", "notify");
            service.set(CommonSteps.SERVICE, "NotifyAccess", "all");
        }
        service.setDefault(CommonSteps.SERVICE, "SyslogIdentifier", "%N");

        PodmanCommand base = CommonSteps.basePodman(ctx);
        PodmanCommand play = KindSteps.startingLike(base).add("kube", "play", "--replace", "--service-container=true");
        kube.single(KubeKeys.EXIT_CODE_PROPAGATION).filter(e -> !e.isEmpty())
                .ifPresent(e -> play.add("--service-exit-code-propagation=" + e));
        LogOptions.add(kube, play);
        UserMappings.addMappings(ctx, kube, play, false);
        NetworkArguments.add(ctx, kube, service, play);
        for (String update : kube.words(KubeKeys.AUTO_UPDATE)) {
            int slash = update.indexOf('/');
            play.add(slash < 0 ? AUTO_UPDATE + "=" + update
                    : AUTO_UPDATE + "/" + update.substring(0, slash) + "=" + update.substring(slash + 1));
        }
        for (String configMap : kube.words(KubeKeys.CONFIG_MAP)) {
            play.add("--configmap", GoPaths.absolute(ctx, configMap));
        }
        PublishPorts.add(kube, play);
        PodmanArgs.add(kube, play);
        play.addAll(yamlPaths);
        service.add(CommonSteps.SERVICE, "ExecStart", play.toExecLine());

        // ExecStopPost rather than ExecStop: it also runs after a failed start, so nothing is left behind.
        PodmanCommand down = KindSteps.startingLike(base).add("kube", "down");
        kube.bool(KubeKeys.KUBE_DOWN_FORCE).ifPresent(force -> CatalogFlags.addBool(down, "--force", force));
        down.addAll(yamlPaths);
        service.add(CommonSteps.SERVICE, "ExecStopPost", down.toExecLine());

        WorkingDirectories.apply(ctx, kube, service, yamlFiles);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }

    /**
     * The YAML files as written, one per {@code Yaml=} line (an empty {@code Yaml=} clears the list); each value
     * is read like a single value (trailing blanks and surrounding quotes removed), as 5.4.2 read its one file.
     */
    private static List<String> yamlFiles(TranslationContext ctx, SectionReader kube) {
        List<String> files = new ArrayList<>();
        for (Entry e : kube.entries(KubeKeys.YAML)) {
            String file = SectionReader.singleValue(e);
            if (file.isEmpty()) {
                ctx.error(e.valuePosition(), "Yaml= names no file", "write the path of the Kubernetes YAML file");
            } else {
                files.add(file);
            }
        }
        if (files.isEmpty() && !ctx.failed()) {
            ctx.error(kube.positionOf(KubeKeys.YAML), "a .kube file needs Yaml=, the Kubernetes YAML file to play",
                    "add Yaml=<path>, relative to this file's directory or absolute");
        }
        if (ctx.failed()) {
            return List.of();
        }
        // Before 5.7 a later Yaml= replaced the earlier ones.
        return files.size() > 1 && !ctx.options().target().has(QuadletBehaviour.SEVERAL_YAML)
                ? List.of(files.get(files.size() - 1)) : files;
    }
}
