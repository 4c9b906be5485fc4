package dev.berth.generator;

import static dev.berth.generator.CommonSteps.SERVICE;
import static dev.berth.generator.CommonSteps.UNIT;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.ContainerKeys;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code .container} files: a notify service that runs {@code podman run -d} and removes the container when it
 * stops. The steps and their order follow Quadlet 5.4.2's {@code ConvertContainer}, so the output is the same
 * unit, line for line; the comments mark where berth deliberately differs.
 */
final class ContainerTranslator implements Translator {

    /** Quadlet's check, unanchored at the start: the value must end in a port or range, optionally with a protocol. */
    private static final Pattern PORT_RANGE = Pattern.compile("\\d+(-\\d+)?(/udp|/tcp)?$");

    /** Where podman records the container's ID, so that stopping works whatever the container is called. */
    static final String CIDFILE = "--cidfile=%t/%N.cid";

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        if (!CommonSteps.checkKeys(ctx)) {
            return Optional.empty();
        }
        KindSteps.checkServiceName(ctx);
        SectionReader container = CommonSteps.main(ctx);
        ServiceBuilder service = new ServiceBuilder(KindSteps.serviceFileName(ctx), unit.file());

        // Not in 5.4.2: [Unit] After=db.container and friends name the generated services (as Quadlet does since).
        CommonSteps.translateUnitDependencies(service, ctx);
        CommonSteps.defaultDependencies(service, ctx);
        service.add(UNIT, "SourcePath", unit.path());
        // Since 5.6 every kind's [Unit] starts alike; before, a container's image dependency came first.
        boolean preamble = ctx.options().target().has(QuadletBehaviour.UNIT_PREAMBLE);
        if (preamble) {
            service.add(UNIT, "RequiresMountsFor", "%t/containers");
        }
        CommonSteps.renameSections(service, unit.kind());

        Optional<String> image = imageToRun(ctx, container, service);
        String rootfs = container.nonEmpty(ContainerKeys.ROOTFS);
        String containerName = UnitNames.containerName(unit, container);

        // PODMAN_SYSTEMD_UNIT lets podman auto-update find the service to restart.
        service.add(SERVICE, "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        killMode(ctx, service);
        if (!preamble) {
            service.add(UNIT, "RequiresMountsFor", "%t/containers");
        }

        List<String> base = CommonSteps.basePodman(ctx).words();
        // If conmon exits uncleanly it may leave the container behind; -i ignores one that is already gone.
        // ExecStopPost= runs even when the main process (conmon) was killed and ExecStop= did not run.
        // Since 5.6 the container is removed by name; before, through the ID file its run wrote.
        boolean byName = ctx.options().target().has(QuadletBehaviour.STOP_BY_NAME);
        PodmanCommand stop = podman(ctx, base).add("rm", "-v", "-f", "-i", byName ? containerName : CIDFILE);
        // berth's [X-Berth] keys (empty for every file without that section: the unit stays Quadlet's).
        Optional<BerthSection> berth = BerthSection.read(ctx);
        if (berth.isPresent() && berth.get().checkpointOnStop()) {
            // Checkpoint first; the removal after it finds nothing left (or, if the checkpoint failed, stops it).
            service.add(SERVICE, "ExecStop", berth.get().stopLine(containerName));
            // CRIU ends the dumped container with SIGKILL, so conmon exits 137 during the stop: an intended end.
            service.add(SERVICE, "SuccessExitStatus", "137");
        }
        service.add(SERVICE, "ExecStop", stop.toExecLine());
        service.add(SERVICE, "ExecStopPost", stop.toExecLine("-"));
        // Steps for keys most files leave unset are guarded here, so that for those files their methods never run,
        // and the JIT compiler, busy while the generator runs, never has to compile them.
        if (container.has(ContainerKeys.RELOAD_SIGNAL) || container.has(ContainerKeys.RELOAD_CMD)) {
            reload(ctx, container, service, base, containerName);
        }

        PodmanCommand run = podman(ctx, base).add("run", "--name", containerName);
        if (!byName) {
            run.add(CIDFILE);
        }
        run.add("--replace", "--rm");
        LogOptions.add(container, run);
        // The runtime manages the container's cgroups.
        service.add(SERVICE, "Delegate", "yes");
        String cgroups = container.nonEmpty(ContainerKeys.CGROUPS_MODE);
        if (cgroups != null) {
            run.add("--cgroups", cgroups);
        } else {
            run.add("--cgroups=split");
        }
        entrypoint(ctx, container, run);
        CatalogFlags.emit(container, run, unit.kind().section()); // Timezone= to ReadOnlyTmpfs=
        NetworkArguments.add(ctx, container, service, run);
        serviceType(ctx, container, service, run);
        Optional<Section> serviceSection = unit.file().section(SERVICE);
        if (serviceSection.isEmpty() || !serviceSection.get().has("SyslogIdentifier")) {
            service.set(SERVICE, "SyslogIdentifier", "%N");
        }
        security(container, run);
        if (container.has(ContainerKeys.ADD_DEVICE)) {
            devices(ctx, container, run);
        }
        Optional<String> seccomp = container.single(ContainerKeys.SECCOMP_PROFILE);
        if (seccomp.isPresent()) {
            run.add("--security-opt", "seccomp=" + seccomp.get());
        }
        for (String cap : container.words(ContainerKeys.DROP_CAPABILITY)) {
            run.add("--cap-drop", cap.toLowerCase(Locale.ROOT));
        }
        for (String cap : container.words(ContainerKeys.ADD_CAPABILITY)) {
            run.add("--cap-add", cap.toLowerCase(Locale.ROOT));
        }
        run.addEach("--sysctl", container.words(ContainerKeys.SYSCTL));
        Optional<Boolean> readOnly = container.bool(ContainerKeys.READ_ONLY);
        if (readOnly.isPresent()) {
            CatalogFlags.addBool(run, "--read-only", readOnly.get());
        }
        if (container.bool(ContainerKeys.VOLATILE_TMP, false) && !readOnly.orElse(false)) {
            run.add("--tmpfs", "/tmp:rw,size=512M,mode=1777");
        }
        UserMappings.addUser(ctx, container, run);
        UserMappings.addMappings(ctx, container, run, true);
        VolumeArguments.add(ctx, container, service, run);
        String autoUpdate = container.nonEmpty(ContainerKeys.AUTO_UPDATE);
        if (autoUpdate != null) {
            run.add("--label", "io.containers.autoupdate=" + autoUpdate);
        }
        if (container.has(ContainerKeys.EXPOSE_HOST_PORT)) {
            exposedPorts(ctx, container, run);
        }
        PublishPorts.add(container, run);
        KeyValueArguments.add(ctx, container, "Environment", "--env", run);
        KeyValueArguments.add(ctx, container, "Label", "--label", run);
        KeyValueArguments.add(ctx, container, "Annotation", "--annotation", run);
        for (String mask : container.args(ContainerKeys.MASK)) {
            run.add("--security-opt", "mask=" + mask);
        }
        for (String unmask : container.args(ContainerKeys.UNMASK)) {
            run.add("--security-opt", "unmask=" + unmask);
        }
        for (String file : container.args(ContainerKeys.ENVIRONMENT_FILE)) {
            run.add("--env-file", CommonSteps.absolutePath(ctx, file));
        }
        run.addEach("--secret", container.args(ContainerKeys.SECRET));
        MountArguments.add(ctx, container, service, run);
        HealthArguments.add(container, run);
        pod(ctx, container, service, run);
        PodmanArgs.add(container, run);
        if (image.isPresent()) {
            run.add(image.get());
        } else if (rootfs != null) {
            run.add("--rootfs", rootfs);
        }
        Optional<List<String>> exec = container.command(ContainerKeys.EXEC);
        if (exec.isPresent()) {
            run.addAll(exec.get());
        }
        if (berth.isPresent() && berth.get().restoreLatest()) {
            // The helper exits 65 when `berth restore --fallback fail` could not restore: Restart= must not then
            // start the container fresh after all.
            service.add(SERVICE, "RestartPreventExitStatus", "65");
            service.add(SERVICE, "ExecStart", berth.get().startLine(image.orElse("-"), run.toExecLine()));
        } else {
            service.add(SERVICE, "ExecStart", run.toExecLine());
        }

        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }

    /**
     * {@code Entrypoint=}: since 5.8 {@code --entrypoint=VALUE}, written even for an empty value, which clears the
     * image's entry point; before, {@code --entrypoint VALUE} among the other single flags, and nothing when empty.
     */
    private static void entrypoint(TranslationContext ctx, SectionReader container, PodmanCommand run) {
        if (ctx.options().target().has(QuadletBehaviour.EMPTY_ENTRYPOINT)) {
            Optional<String> v = container.single(ContainerKeys.ENTRYPOINT);
            if (v.isPresent()) {
                run.add("--entrypoint=" + v.get());
            }
        } else {
            String v = container.nonEmpty(ContainerKeys.ENTRYPOINT);
            if (v != null) {
                run.add("--entrypoint", v);
            }
        }
    }

    /** A podman command starting with the shared {@code podman [--module=...] [GlobalArgs]} words. */
    private static PodmanCommand podman(TranslationContext ctx, List<String> base) {
        return ctx.podman().addAll(base.subList(1, base.size()));
    }

    /**
     * The image to run, resolved when it names a Quadlet file; empty when Rootfs= is used instead or on error.
     * Exactly one of Image= and Rootfs= must be set.
     */
    private static Optional<String> imageToRun(TranslationContext ctx, SectionReader container, ServiceBuilder service) {
        String image = container.nonEmpty(ContainerKeys.IMAGE);
        boolean rootfs = container.nonEmpty(ContainerKeys.ROOTFS) != null;
        if (image != null && !rootfs && !ImageReferences.isQuadletReference(image)) {
            return Optional.of(image); // the usual case: an image name, with nothing to resolve and nowhere to report
        }
        return resolveImage(ctx, container, service, image, rootfs);
    }

    /**
     * {@link #imageToRun} for everything but a plain image name. Cold paths like this one are kept out of the
     * methods every file runs, which the JIT compiler then compiles smaller and sooner.
     */
    private static Optional<String> resolveImage(TranslationContext ctx, SectionReader container,
                                                 ServiceBuilder service, String image, boolean rootfs) {
        if (image == null && !rootfs) {
            ctx.error(container.positionOf(ContainerKeys.IMAGE), "a container needs Image= or Rootfs=",
                    "add Image=<image> (or Rootfs=<directory> to run an exploded root file system)");
            return Optional.empty();
        }
        if (image != null && rootfs) {
            ctx.error(container.positionOf(ContainerKeys.ROOTFS), "Image= and Rootfs= cannot both be set",
                    "keep only one of them");
            return Optional.empty();
        }
        if (image == null) {
            return Optional.empty();
        }
        Position at = container.lastEntry(ContainerKeys.IMAGE).map(Entry::valuePosition).orElse(container.positionOf(ContainerKeys.IMAGE));
        return ImageReferences.resolve(ctx, service, "Image", image, at);
    }

    /** Only mixed (the default, which lets conmon clean up) and control-group stop a container well. */
    private static void killMode(TranslationContext ctx, ServiceBuilder service) {
        // A lookup in place; a reader (a copy of the section) only to say where a bad value is.
        Optional<String> mode = service.lookup(SERVICE, "KillMode");
        if (mode.isEmpty()) {
            service.set(SERVICE, "KillMode", "mixed");
        } else if (!mode.get().equals("mixed") && !mode.get().equals("control-group")) {
            reportKillMode(ctx, service, mode.get());
        }
    }

    private static void reportKillMode(TranslationContext ctx, ServiceBuilder service, String mode) {
        SectionReader svc = service.reader(SERVICE, ctx.sink());
        ctx.error(svc.positionOf("KillMode"), "KillMode=" + mode + " does not work for containers",
                "use KillMode=mixed (the default) or KillMode=control-group, or remove the line");
    }

    /** {@code ExecReload=}: run ReloadCmd= in the container, or send it ReloadSignal= (keys newer than 5.4.2). */
    private static void reload(TranslationContext ctx, SectionReader container, ServiceBuilder service, List<String> base,
                               String containerName) {
        Optional<String> signal = Optional.ofNullable(container.nonEmpty(ContainerKeys.RELOAD_SIGNAL));
        Optional<List<String>> command = container.command(ContainerKeys.RELOAD_CMD).filter(c -> !c.isEmpty());
        if (signal.isEmpty() && command.isEmpty()) {
            return;
        }
        if (signal.isPresent() && command.isPresent()) {
            ctx.error(container.positionOf(ContainerKeys.RELOAD_SIGNAL), "ReloadCmd= and ReloadSignal= cannot both be set",
                    "keep only one way to reload the container");
            return;
        }
        PodmanCommand reload = podman(ctx, base);
        if (command.isPresent()) {
            reload.add("exec", containerName).addAll(command.get());
        } else {
            reload.add("kill", "--signal", signal.get(), containerName);
        }
        service.add(SERVICE, "ExecReload", reload.toExecLine());
    }

    /**
     * A container service is {@code Type=notify} (podman reports readiness: via conmon, the container itself, or
     * when healthy) and detaches, unless the user chose {@code Type=oneshot}.
     */
    private static void serviceType(TranslationContext ctx, SectionReader container, ServiceBuilder service,
                                    PodmanCommand run) {
        Optional<String> type = service.lookup(SERVICE, "Type");
        if (type.isPresent() && !type.get().equals("notify") && !type.get().equals("oneshot")) {
            reportServiceType(ctx, service, type.get());
            return;
        }
        if (type.isPresent() && type.get().equals("oneshot")) {
            return;
        }
        Optional<String> notify = container.single(ContainerKeys.NOTIFY);
        if (notify.isPresent() && notify.get().equalsIgnoreCase("healthy")) {
            run.add("--sdnotify=healthy");
        } else if (container.bool(ContainerKeys.NOTIFY, false)) {
            run.add("--sdnotify=container");
        } else {
            run.add("--sdnotify=conmon");
        }
        service.set(SERVICE, "Type", "notify");
        service.set(SERVICE, "NotifyAccess", "all");
        run.add("-d");
    }

    private static void reportServiceType(TranslationContext ctx, ServiceBuilder service, String type) {
        SectionReader svc = service.reader(SERVICE, ctx.sink());
        ctx.error(svc.positionOf("Type"), "Type=" + type + " does not work for a container service",
                "use Type=notify (the default) or Type=oneshot, or remove the line");
    }

    private static void security(SectionReader container, PodmanCommand run) {
        if (container.bool(ContainerKeys.NO_NEW_PRIVILEGES, false)) {
            run.add("--security-opt=no-new-privileges");
        }
        if (container.bool(ContainerKeys.SECURITY_LABEL_DISABLE, false)) {
            run.add("--security-opt", "label=disable");
        }
        if (container.bool(ContainerKeys.SECURITY_LABEL_NESTED, false)) {
            run.add("--security-opt", "label=nested");
        }
        securityOpt(container, run, "SecurityLabelType", "label=type:");
        securityOpt(container, run, "SecurityLabelFileType", "label=filetype:");
        securityOpt(container, run, "SecurityLabelLevel", "label=level:");
        securityOpt(container, run, "AppArmor", "apparmor=");
    }

    /** {@code --security-opt <prefix><value>} when {@code key} is set to a non-empty value. */
    private static void securityOpt(SectionReader container, PodmanCommand run, String key, String prefix) {
        String v = container.nonEmpty(key);
        if (v != null) {
            run.add("--security-opt", prefix + v);
        }
    }

    /** {@code AddDevice=}: a leading {@code -} adds the device only if its host path exists when generating. */
    private static void devices(TranslationContext ctx, SectionReader container, PodmanCommand run) {
        for (SectionReader.Word w : container.listWords(ContainerKeys.ADD_DEVICE)) {
            String device = w.text();
            if (device.isEmpty()) {
                // Quadlet 5.4.2 crashes on an empty device.
                ctx.error(w.entry().valuePosition(), "AddDevice= has an empty device", "name a device such as /dev/fuse");
                continue;
            }
            if (device.charAt(0) == '-') {
                device = device.substring(1);
                String hostPath = device.split(":", -1)[0];
                if (hostPath.isEmpty() || !ctx.host().exists(hostPath)) {
                    continue;
                }
            }
            run.add("--device", device);
        }
    }

    private static void exposedPorts(TranslationContext ctx, SectionReader container, PodmanCommand run) {
        for (Entry e : container.entries(ContainerKeys.EXPOSE_HOST_PORT)) {
            String port = e.value().strip();
            if (!PORT_RANGE.matcher(port).find()) {
                ctx.error(e.valuePosition(), "ExposeHostPort=" + port + " is not a port or port range",
                        "write a port or range such as 8080, 8080-8090 or 53/udp");
                continue;
            }
            run.add("--expose", port);
        }
    }

    /**
     * {@code Pod=x.pod}: join that file's pod (through its pod-id file), bind this service to the pod's service and
     * start after it. Whether the pod starts this container is decided in {@link UnitNames#podMembers}.
     */
    private static void pod(TranslationContext ctx, SectionReader container, ServiceBuilder service, PodmanCommand run) {
        // Read even when Pod= is unset, so that a misspelt boolean is reported.
        container.bool(ContainerKeys.START_WITH_POD);
        String pod = container.nonEmpty(ContainerKeys.POD);
        if (pod != null) {
            joinPod(ctx, container, service, run, pod);
        }
    }

    private static void joinPod(TranslationContext ctx, SectionReader container, ServiceBuilder service,
                                PodmanCommand run, String pod) {
        Position at = container.lastEntry(ContainerKeys.POD).map(Entry::valuePosition).orElse(container.positionOf(ContainerKeys.POD));
        if (!pod.endsWith(".pod")) {
            ctx.error(at, "Pod=" + pod + " does not name a .pod file",
                    "name a Quadlet pod file such as " + pod + ".pod; pods not made by Quadlet can be joined with "
                            + "PodmanArgs=--pod=" + pod);
            return;
        }
        Optional<UnitInfo> info = UnitReferences.find(ctx, "Pod", pod, at);
        if (info.isEmpty()) {
            return;
        }
        if (ctx.options().target().has(QuadletBehaviour.STOP_BY_NAME)) {
            Optional<String> podName = info.get().resourceName();
            if (podName.isEmpty()) {
                ctx.error(at, "the name of the pod of " + pod + " cannot be known when generating",
                        "give " + pod + " a PodName= without systemd specifiers");
                return;
            }
            run.add("--pod", podName.get());
        } else {
            run.add("--pod-id-file", "%t/" + info.get().serviceName() + ".pod-id");
        }
        service.add(UNIT, "BindsTo", info.get().serviceFileName());
        service.add(UNIT, "After", info.get().serviceFileName());
    }
}
