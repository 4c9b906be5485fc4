package dev.berth.generator;

import dev.berth.spec.quadlet.PodKeys;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/**
 * {@code .pod} files: a forking service whose ExecStartPre creates the pod and whose ExecStart starts it
 * (Quadlet 5.4.2's ConvertPod, which tracks the pod through {@code %t/%N.pod-id}, plus the newer
 * {@code ExitPolicy=}, {@code HostName=}, {@code Label=} and {@code StopTimeout=} keys). The containers that
 * name the pod in {@code Pod=} start with it.
 */
final class PodTranslator implements Translator {

    private static final String POD_ID_FILE = "--pod-id-file=%t/%N.pod-id";

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        CommonSteps.checkKeys(ctx, false);
        SectionReader pod = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);
        String podName = KindSteps.resourceName(ctx);
        for (String member : ctx.index().find(unit.fileName()).map(UnitInfo::podMembers).orElse(java.util.List.of())) {
            service.add(CommonSteps.UNIT, "Wants", member);
            service.add(CommonSteps.UNIT, "Before", member);
        }
        service.setDefault(CommonSteps.SERVICE, "SyslogIdentifier", "%N");

        PodmanCommand base = CommonSteps.basePodman(ctx);
        String stopTimeout = pod.single(PodKeys.STOP_TIMEOUT).filter(t -> !t.isEmpty()).orElse("10");
        String exitPolicy = pod.single(PodKeys.EXIT_POLICY).filter(p -> !p.isEmpty()).orElse("stop");
        PodmanCommand create;
        if (ctx.options().target().has(QuadletBehaviour.STOP_BY_NAME)) {
            // Since 5.6 the pod is named in every command; before, it was found through its ID file.
            service.add(CommonSteps.SERVICE, "ExecStart",
                    KindSteps.startingLike(base).add("pod", "start", podName).toExecLine());
            service.add(CommonSteps.SERVICE, "ExecStop", KindSteps.startingLike(base)
                    .add("pod", "stop", "--ignore", "--time=" + stopTimeout, podName).toExecLine());
            service.add(CommonSteps.SERVICE, "ExecStopPost", KindSteps.startingLike(base)
                    .add("pod", "rm", "--ignore", "--force", podName).toExecLine());
            create = KindSteps.startingLike(base).add("pod", "create", "--infra-conmon-pidfile=%t/%N.pid",
                    "--replace", "--exit-policy", exitPolicy);
        } else {
            service.add(CommonSteps.SERVICE, "ExecStart",
                    KindSteps.startingLike(base).add("pod", "start", POD_ID_FILE).toExecLine());
            service.add(CommonSteps.SERVICE, "ExecStop", KindSteps.startingLike(base)
                    .add("pod", "stop", POD_ID_FILE, "--ignore", "--time=" + stopTimeout).toExecLine());
            service.add(CommonSteps.SERVICE, "ExecStopPost", KindSteps.startingLike(base)
                    .add("pod", "rm", POD_ID_FILE, "--ignore", "--force").toExecLine());
            create = KindSteps.startingLike(base).add("pod", "create", "--infra-conmon-pidfile=%t/%N.pid",
                    POD_ID_FILE, "--exit-policy=" + exitPolicy, "--replace");
        }
        UserMappings.addMappings(ctx, pod, create, true);
        PublishPorts.add(pod, create);
        KeyValueArguments.add(ctx, pod, "Label", "--label", create);
        NetworkArguments.add(ctx, pod, service, create);
        CatalogFlags.emit(pod, create, unit.kind().section()); // IP= to HostName=
        VolumeArguments.add(ctx, pod, service, create);
        create.add("--infra-name", podName + "-infra", "--name", podName);
        PodmanArgs.add(pod, create);
        service.add(CommonSteps.SERVICE, "ExecStartPre", create.toExecLine());

        serviceSettings(ctx, service);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }

    /**
     * The {@code [Service]} settings a pod needs. Type and PIDFile must be these for the pod to be tracked, so
     * they replace what the user wrote (with a warning). Quadlets before 6.0 replace {@code Restart=} too (with a
     * warning here); 5.4.2 also replaced the user's last {@code Environment=} line, which berth keeps, as later
     * Quadlets do.
     */
    private static void serviceSettings(TranslationContext ctx, ServiceBuilder service) {
        SectionReader user = KindSteps.sourceSection(ctx, CommonSteps.SERVICE);
        service.add(CommonSteps.SERVICE, "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        overridden(ctx, user, "Type", "forking");
        service.set(CommonSteps.SERVICE, "Type", "forking");
        if (ctx.options().target().has(QuadletBehaviour.POD_KEEPS_RESTART)) {
            service.setDefault(CommonSteps.SERVICE, "Restart", "on-failure");
        } else {
            overridden(ctx, user, "Restart", "on-failure");
            service.set(CommonSteps.SERVICE, "Restart", "on-failure"); // forced before 6.0
        }
        overridden(ctx, user, "PIDFile", "%t/%N.pid");
        service.set(CommonSteps.SERVICE, "PIDFile", "%t/%N.pid");
    }

    private static void overridden(TranslationContext ctx, SectionReader user, String key, String value) {
        user.single(key).filter(v -> !v.equals(value)).ifPresent(v -> ctx.warning(user.positionOf(key),
                "[Service] " + key + "=" + v + " is replaced by " + key + "=" + value + ", which a pod service needs",
                "remove " + key + "= from [Service]"));
    }
}
