package dev.berth.install;

import dev.berth.install.ApplyPlan.FileChange;
import dev.berth.generator.Generation;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.Problem;
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

/**
 * {@code berth apply} as an engine: validate the request together with the installed files, compare, write the
 * changed files as one transaction, reload, and act on the units. Returns what happened; prints nothing.
 *
 * @param site    where the files go
 * @param systemd the manager of that site
 * @param store   the file operations (the real one, or a test's that fails on purpose)
 */
public record Apply(InstallSite site, SystemdConnection systemd, FileStore store) {

    public ChangeReport run(List<Path> paths, boolean dryRun) {
        boolean user = site.user();
        ApplyInputs inputs = ApplyInputs.collect(paths);
        List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
        if (inputs.hasErrors()) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of(nothingChanged()));
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
            return ChangeReport.refused(dryRun, user, diagnostics, List.of(nothingChanged()));
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
                return ChangeReport.refused(dryRun, user, diagnostics, List.of(Problem.of("invalid",
                        count(blocking.size(), "error") + " in the files to apply; nothing was changed",
                        "fix the files named above and apply again")));
            }
            diagnostics.addAll(shownWarnings);
            for (Diagnostic d : InstallSite.preexisting(before, after, staged)) {
                diagnostics.add(Diagnostic.warning(d.position(), "(already there before this apply, not caused by "
                        + "it) " + d.message(), d.fix().orElse(null)));
            }
            diagnostics.addAll(shadowed(byRelative, after));
        } catch (IOException e) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of(Problem.of("stage",
                    "cannot stage the install directory " + site.directory() + " for validation: "
                            + IoErrors.reason(e) + "; nothing was changed", IoErrors.fix(e))));
        }

        ApplyPlan plan = ApplyPlan.apply(installed, incoming, before.units().units(), after.units().units());
        if (!plan.changesFiles()) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics, List.of());
        }
        Systemd bus;
        try {
            bus = systemd.open();
        } catch (SystemdException e) {
            if (dryRun) {
                diagnostics.add(Diagnostic.warning(Position.ofFile("systemd"), "cannot read the units' states: "
                        + e.getMessage() + "; units that are running would be restarted"));
                return new ChangeReport(true, true, user, plan.files(),
                        UnitActions.notRun(UnitActions.decideWithoutStates(plan.units())), diagnostics, List.of());
            }
            return ChangeReport.refused(false, user, diagnostics, List.of(Problems.of(e, "nothing was changed")));
        }
        try (bus) {
            return carryOut(plan, bus, diagnostics, dryRun);
        }
    }

    private ChangeReport carryOut(ApplyPlan plan, Systemd bus, List<Diagnostic> diagnostics, boolean dryRun) {
        boolean user = site.user();
        List<UnitActions.Planned> planned;
        try {
            planned = UnitActions.decide(plan.units(), bus);
        } catch (SystemdException e) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics,
                    List.of(Problems.of(e, "cannot read the units' states; nothing was changed")));
        }
        if (dryRun) {
            return new ChangeReport(true, true, user, plan.files(), UnitActions.notRun(planned), diagnostics,
                    List.of());
        }
        List<FileTransaction.Step> steps = new ArrayList<>();
        for (FileChange f : plan.changedFiles()) {
            steps.add(new FileTransaction.Write(Path.of(f.path()), f.after().orElseThrow(), f.before()));
        }
        FileTransaction.Result written = new FileTransaction(store).run(steps);
        if (!written.ok()) {
            diagnostics.add(written.failure().get());
            diagnostics.addAll(written.rollbackProblems());
            String outcome = written.rollbackProblems().isEmpty()
                    ? "the files already written were restored; nothing was changed"
                    : "some files could not be restored (see above)";
            return new ChangeReport(!written.rollbackProblems().isEmpty(), false, user, plan.files(),
                    List.of(), diagnostics, List.of(Problem.of("write", "installing failed; " + outcome,
                            "fix the cause named above and apply again")));
        }
        return reloadAndRun(plan, planned, bus, diagnostics, user, dryRun);
    }

    /** Stops what is no longer generated, reloads systemd, then restarts and starts. */
    static ChangeReport reloadAndRun(ApplyPlan plan, List<UnitActions.Planned> planned, Systemd bus,
                                     List<Diagnostic> diagnostics, boolean user, boolean dryRun) {
        List<UnitActions.Done> stopped = UnitActions.run(planned, Set.of(UnitActions.Action.STOP), bus);
        try {
            bus.daemonReload();
        } catch (SystemdException e) {
            return new ChangeReport(true, dryRun, user, plan.files(), stopped, diagnostics,
                    List.of(Problem.of("reload", "the files are installed, but systemd could not reload: "
                            + e.getMessage(), "run 'berth daemon-reload" + (user ? " --user" : "")
                            + "' and restart the units")));
        }
        List<UnitActions.Done> started = UnitActions.run(planned,
                Set.of(UnitActions.Action.RESTART, UnitActions.Action.START), bus);
        List<UnitActions.Done> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            done.add(planned.get(i).action() == UnitActions.Action.STOP ? stopped.get(i) : started.get(i));
        }
        return new ChangeReport(true, dryRun, user, plan.files(), done, diagnostics, List.of());
    }

    /** Applied Quadlet files that the generator will not read because a file of the same name comes first. */
    private List<Diagnostic> shadowed(Map<String, ApplyInputs.Input> inputs, Generation.Outcome after) {
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

    static Problem nothingChanged() {
        return Problem.of("refused", "nothing was changed");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
