package dev.berth.cli;

import dev.berth.generator.ApplyPlan;
import dev.berth.generator.ApplyPlan.FileChange;
import dev.berth.generator.Generation;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth apply}. */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Installs Quadlet files and brings systemd in line with them, idempotently.",
            "",
            "1. Validates everything first, with the same checks as 'berth check', together with the files already "
                    + "installed (so references between files resolve). On any error it prints the positioned "
                    + "diagnostics and changes nothing. Errors that were already there in files this apply does not "
                    + "touch are shown but do not stop it.",
            "2. Compares: each file is added, changed or unchanged (byte for byte) in the install directory "
                    + "(/etc/containers/systemd, or with --user $XDG_CONFIG_HOME/containers/systemd, default "
                    + "~/.config/containers/systemd), and the units generated from the old and the new files are "
                    + "compared per service.",
            "3. Installs the changed files atomically (temporary file in the same directory, fsync, rename; "
                    + "directories 0755, files 0644). If a write fails, the files already replaced are restored.",
            "4. Reloads systemd over D-Bus, so the generator runs on the new files.",
            "5. Restarts the units whose generated unit changed and that are running (or failed), starts the new "
                    + "units that are enabled through [Install] (WantedBy=, RequiredBy=, UpheldBy=), and stops "
                    + "running units that are no longer generated. The jobs run concurrently.",
            "",
            "Only one 'berth apply', 'remove', 'enable' or 'disable' changes a manager's files at a time: a second "
                    + "one waits for the first, and says so on standard error (the lock is "
                    + "/run/lock/berth-install.lock, or $XDG_RUNTIME_DIR/berth-install.lock with --user). A dry run "
                    + "does not wait.",
            "",
            "When no file changes, nothing else happens either: no reload, no restart ('changed': false). "
                    + "A directory PATH is installed with its whole tree (files whose names start with '.' "
                    + "excepted); a Quadlet file PATH is installed at the top of the install directory with the "
                    + "drop-ins beside it; a drop-in directory PATH (web.container.d) keeps its name; any other "
                    + "file PATH (kube YAML, environment file) is installed at the top too. Files already "
                    + "installed that are not named are left alone (so are 'berth enable' choices): use "
                    + "'berth remove'.",
            "",
            "Text output: a unified diff per changed file, a line per unit acted on, and a summary "
                    + "('2 files changed, 1 unit restarted, 1 unit started'); diagnostics go to standard error. "
                    + "JSON output: {\"changed\": bool, \"dryRun\": bool, \"files\": [{path, action}], "
                    + "\"units\": [{name, change, action, result}], \"diagnostics\": [...], \"errors\": [...], "
                    + "\"summary\"}; action is added|changed|unchanged for files, restart|start|stop|none for units."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:applied (or nothing to change)",
            "1:a file has errors (nothing changed), a write or the reload failed, or a unit failed to "
                    + "(re)start",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth apply examples/quadlet          install a directory of Quadlet files",
            "  berth apply -n web.container          show the diff and the units it would restart",
            "  berth apply --user ~/quadlets         rootless: ~/.config/containers/systemd",
            "  berth apply --format json site/       Ansible: changed_when: result.changed",
            "",
            "Environment: XDG_CONFIG_HOME, HOME (--user install directory), XDG_RUNTIME_DIR, QUADLET_UNIT_DIRS "
                    + "(search path), PODMAN; DBUS_SYSTEM_BUS_ADDRESS, DBUS_SESSION_BUS_ADDRESS (how systemd is "
                    + "reached)."})
final class ApplyCommand implements Callable<Integer> {

    private final Berth.Session session;
    private final FileStore store;

    @Option(names = "--user", description = "Install into the user's directory and talk to the user's systemd.")
    boolean user;

    @Option(names = {"-n", "--dry-run"},
            description = "Validate and show what would change (diff, units to restart or start); change nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json.")
    OutputFormat format;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Quadlet files, directories of them, or files they refer to (kube YAML ...).")
    List<Path> paths = new ArrayList<>();

    ApplyCommand(Berth.Session session, FileStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Integer call() {
        return SiteChange.run(user, dryRun, format, session, this::apply);
    }

    private ChangeReport apply(InstallSite site) {
        ApplyInputs inputs = ApplyInputs.collect(paths);
        List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
        if (inputs.hasErrors()) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of("nothing was changed"));
        }
        Map<String, ApplyInputs.Input> byRelative = inputs.byRelativePath();

        Map<String, byte[]> installed = new LinkedHashMap<>();
        Map<String, byte[]> incoming = new LinkedHashMap<>();
        for (Map.Entry<String, ApplyInputs.Input> e : byRelative.entrySet()) {
            Path target = site.resolve(e.getKey());
            if (Files.isDirectory(target)) {
                diagnostics.add(Diagnostic.error(Position.ofFile(target.toString()),
                        "a directory is in the way of " + e.getValue().origin(), "move the directory away"));
                continue;
            }
            try {
                InstallSite.read(target).ifPresent(b -> installed.put(target.toString(), b));
            } catch (IOException ex) {
                diagnostics.add(Diagnostic.error(Position.ofFile(target.toString()),
                        "cannot read the installed file: " + IoErrors.reason(ex), IoErrors.fix(ex)));
            }
            incoming.put(target.toString(), e.getValue().bytes());
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of("nothing was changed"));
        }

        diagnostics.addAll(site.searchPath().diagnostics());
        Generation.Outcome before = site.current();
        Generation.Outcome after;
        try (StagedInstall staged = site.stage(byRelative, Set.of())) {
            after = site.staged(staged);
            List<Diagnostic> blocking = InstallSite.blocking(before, after, staged);
            List<Diagnostic> shownWarnings = after.diagnostics().stream()
                    .filter(d -> !d.isError() && staged.isApplied(d.position().file())).toList();
            if (!blocking.isEmpty()) {
                diagnostics.addAll(blocking);
                diagnostics.addAll(shownWarnings);
                return ChangeReport.refused(dryRun, user, diagnostics,
                        List.of(count(blocking.size(), "error") + " in the files to apply; nothing was changed"));
            }
            diagnostics.addAll(shownWarnings);
            for (Diagnostic d : InstallSite.preexisting(before, after, staged)) {
                diagnostics.add(Diagnostic.warning(d.position(), "(already there before this apply, not caused by "
                        + "it) " + d.message(), d.fix().orElse(null)));
            }
            diagnostics.addAll(shadowed(byRelative, site, after));
        } catch (IOException e) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of("cannot stage the install directory "
                    + site.directory() + " for validation: " + IoErrors.reason(e) + "; nothing was changed"));
        }

        ApplyPlan plan = ApplyPlan.apply(installed, incoming, before.units().units(), after.units().units());
        if (!plan.changesFiles()) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics, List.of());
        }
        Systemd systemd;
        try {
            systemd = session.connect(user);
        } catch (SystemdException e) {
            if (dryRun) {
                diagnostics.add(Diagnostic.warning(Position.ofFile("systemd"), "cannot read the units' states: "
                        + e.getMessage() + "; units that are running would be restarted"));
                return new ChangeReport(true, true, user, plan.files(),
                        UnitActions.notRun(UnitActions.decideWithoutStates(plan.units())), diagnostics, List.of());
            }
            return ChangeReport.refused(false, user, diagnostics, List.of(e.getMessage() + "; nothing was changed"));
        }
        try (systemd) {
            return carryOut(plan, systemd, diagnostics);
        }
    }

    private ChangeReport carryOut(ApplyPlan plan, Systemd systemd, List<Diagnostic> diagnostics) {
        List<UnitActions.Planned> planned;
        try {
            planned = UnitActions.decide(plan.units(), systemd);
        } catch (SystemdException e) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics,
                    List.of("cannot read the units' states: " + e.getMessage() + "; nothing was changed"));
        }
        if (dryRun) {
            return new ChangeReport(true, true, user, plan.files(), UnitActions.notRun(planned), diagnostics,
                    List.of());
        }
        List<Installer.Step> steps = new ArrayList<>();
        for (FileChange f : plan.changedFiles()) {
            steps.add(new Installer.Write(Path.of(f.path()), f.after().orElseThrow(), f.before()));
        }
        Installer.Result written = new Installer(store).run(steps);
        if (!written.ok()) {
            diagnostics.add(written.failure().get());
            diagnostics.addAll(written.rollbackProblems());
            String outcome = written.rollbackProblems().isEmpty()
                    ? "the files already written were restored; nothing was changed"
                    : "some files could not be restored (see above)";
            return new ChangeReport(!written.rollbackProblems().isEmpty(), false, user, plan.files(),
                    List.of(), diagnostics, List.of("installing failed; " + outcome));
        }
        return reloadAndRun(plan, planned, systemd, diagnostics, user, dryRun);
    }

    /** Stops what is no longer generated, reloads systemd, then restarts and starts. */
    static ChangeReport reloadAndRun(ApplyPlan plan, List<UnitActions.Planned> planned, Systemd systemd,
                                     List<Diagnostic> diagnostics, boolean user, boolean dryRun) {
        List<UnitActions.Done> stopped = UnitActions.run(planned, Set.of(UnitActions.Action.STOP), systemd);
        try {
            systemd.daemonReload();
        } catch (SystemdException e) {
            return new ChangeReport(true, dryRun, user, plan.files(), stopped, diagnostics,
                    List.of("the files are installed, but systemd could not reload: " + e.getMessage()
                            + "; run 'berth daemon-reload" + (user ? " --user" : "") + "' and restart the units"));
        }
        List<UnitActions.Done> started = UnitActions.run(planned,
                Set.of(UnitActions.Action.RESTART, UnitActions.Action.START), systemd);
        List<UnitActions.Done> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            done.add(planned.get(i).action() == UnitActions.Action.STOP ? stopped.get(i) : started.get(i));
        }
        return new ChangeReport(true, dryRun, user, plan.files(), done, diagnostics, List.of());
    }

    /** Applied Quadlet files that the generator will not read because a file of the same name comes first. */
    private static List<Diagnostic> shadowed(Map<String, ApplyInputs.Input> inputs, InstallSite site,
                                             Generation.Outcome after) {
        List<Diagnostic> out = new ArrayList<>();
        String installReal = site.real().toString();
        for (ApplyInputs.Input in : inputs.values()) {
            String name = Path.of(in.relative()).getFileName().toString();
            if (in.relative().contains(".d/") || UnitKind.ofFileName(name).isEmpty()) {
                continue;
            }
            String target = site.real().resolve(in.relative()).toString();
            Optional<SourceUnit> winner = after.sources().stream().filter(s -> s.fileName().equals(name)).findFirst();
            if (winner.isPresent() && !winner.get().path().equals(target)) {
                out.add(Diagnostic.warning(Position.ofFile(in.origin().toString()),
                        "the generator reads " + winner.get().path() + " instead of this file once it is installed "
                                + "in " + installReal + " (the first file of a name wins)",
                        "remove or rename " + winner.get().path()));
            }
        }
        return out;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
