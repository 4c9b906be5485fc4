package dev.berth.install;

import dev.berth.install.ApplyPlan.FileChange;
import dev.berth.install.ApplyPlan.UnitDifference;
import dev.berth.generator.Generation;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.Problem;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code berth remove} as an engine: the Quadlet files of the given units and their own drop-ins leave the
 * install directory (nothing outside it), after the running units are stopped; then systemd reloads.
 *
 * @param site    where the files are
 * @param systemd the manager of that site
 * @param store   the file operations
 */
public record Removal(InstallSite site, SystemdConnection systemd, FileStore store) {

    /** Removes the files of {@code units} (already resolved from the names the user gave). */
    public ChangeReport run(List<ManagedUnit> units, boolean force, boolean dryRun) {
        boolean user = site.user();
        Generation.Outcome before = site.current();
        List<Problem> errors = new ArrayList<>();
        Path installReal = site.real();
        Set<String> relatives = new LinkedHashSet<>();
        for (ManagedUnit u : units) {
            if (!u.sourcePath().startsWith(installReal)) {
                errors.add(Problem.about("outside", u.fileName(), u.fileName() + " is " + u.sourcePath()
                        + ", outside " + site.directory() + "; berth remove only removes files from the install "
                        + "directory", "remove it where it is, by hand"));
                continue;
            }
            relatives.add(relative(installReal, u.sourcePath()));
            try {
                for (Path dropIn : dropIns(u.dropInDirectory())) {
                    relatives.add(relative(installReal, dropIn));
                }
            } catch (IOException e) {
                errors.add(Problem.about("read", u.dropInDirectory().toString(), "cannot read "
                        + u.dropInDirectory() + ": " + IoErrors.reason(e), IoErrors.fix(e)));
            }
        }
        if (!errors.isEmpty()) {
            return ChangeReport.refused(dryRun, user, List.of(), plusNothing(errors));
        }

        Map<String, byte[]> removed = new LinkedHashMap<>();
        for (String rel : relatives) {
            Path target = site.resolve(rel);
            try {
                InstallSite.read(target).ifPresent(b -> removed.put(target.toString(), b));
            } catch (IOException e) {
                errors.add(Problem.about("read", target.toString(), "cannot read " + target + ": "
                        + IoErrors.reason(e), IoErrors.fix(e)));
            }
        }
        if (!errors.isEmpty()) {
            return ChangeReport.refused(dryRun, user, List.of(), plusNothing(errors));
        }

        List<Diagnostic> diagnostics = new ArrayList<>();
        Generation.Outcome after;
        try (StagedInstall staged = site.stage(Map.of(), relatives)) {
            after = site.staged(staged);
            List<Diagnostic> broken = InstallSite.blocking(before, after, staged);
            if (!broken.isEmpty()) {
                if (!force) {
                    return ChangeReport.refused(dryRun, user, broken, List.of(Problem.of("referenced",
                            "other installed files refer to what would be removed (see above); nothing was changed",
                            "remove them too, or pass --force")));
                }
                broken.forEach(d -> diagnostics.add(Diagnostic.warning(d.position(),
                        "(--force) " + d.message(), d.fix().orElse(null))));
            }
        } catch (IOException e) {
            return ChangeReport.refused(dryRun, user, List.of(), List.of(Problem.of("stage",
                    "cannot stage the install directory " + site.directory() + ": " + IoErrors.reason(e)
                            + "; nothing was changed", IoErrors.fix(e))));
        }
        ApplyPlan plan = ApplyPlan.remove(removed, before.units().units(), after.units().units());

        Systemd bus;
        try {
            bus = systemd.open();
        } catch (SystemdException e) {
            if (dryRun) {
                diagnostics.add(Diagnostic.warning(Position.ofFile("systemd"), "cannot read the units' states: "
                        + e.getMessage()));
                return new ChangeReport(plan.changesFiles(), true, user, plan.files(),
                        UnitActions.notRun(UnitActions.decideWithoutStates(plan.units())), diagnostics, List.of());
            }
            return ChangeReport.refused(false, user, diagnostics, List.of(Problems.of(e, "nothing was changed")));
        }
        try (bus) {
            return carryOut(plan, bus, diagnostics, force, dryRun);
        }
    }

    private ChangeReport carryOut(ApplyPlan plan, Systemd bus, List<Diagnostic> diagnostics, boolean force,
                                  boolean dryRun) {
        boolean user = site.user();
        List<UnitActions.Planned> planned;
        try {
            planned = UnitActions.decide(plan.units(), bus);
        } catch (SystemdException e) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics,
                    List.of(Problems.of(e, "cannot read the units' states; nothing was changed")));
        }
        if (dryRun) {
            return new ChangeReport(plan.changesFiles(), true, user, plan.files(), UnitActions.notRun(planned),
                    diagnostics, List.of());
        }
        // Stop first, while the units' files are still there; a unit that will not stop keeps its files.
        List<UnitActions.Done> stopped = UnitActions.run(planned, Set.of(UnitActions.Action.STOP), bus);
        if (!force && stopped.stream().anyMatch(UnitActions.Done::failed)) {
            return new ChangeReport(false, false, user, plan.files(), stopped, diagnostics,
                    List.of(Problem.of("stop", "a unit did not stop; no file was removed",
                            "see why in its log; --force removes the files anyway")));
        }
        List<FileTransaction.Step> steps = new ArrayList<>();
        for (FileChange f : plan.changedFiles()) {
            steps.add(new FileTransaction.Delete(Path.of(f.path()), f.before().orElseThrow()));
        }
        FileTransaction.Result deleted = new FileTransaction(store).run(steps);
        if (!deleted.ok()) {
            diagnostics.add(deleted.failure().get());
            diagnostics.addAll(deleted.rollbackProblems());
            return new ChangeReport(!deleted.rollbackProblems().isEmpty(), false, user, plan.files(), stopped,
                    diagnostics, List.of(Problem.of("delete", "removing failed; the files already deleted were "
                            + "restored", "fix the cause named above and remove again")));
        }
        for (FileChange f : plan.changedFiles()) {
            Path dir = Path.of(f.path()).getParent();
            if (dir.getFileName().toString().endsWith(".d")) {
                try {
                    store.deleteDirectoryIfEmpty(dir);
                } catch (IOException ignored) {
                    // An empty drop-in directory changes nothing.
                }
            }
        }
        try {
            bus.daemonReload();
        } catch (SystemdException e) {
            return new ChangeReport(true, false, user, plan.files(), stopped, diagnostics,
                    List.of(Problem.of("reload", "the files are removed, but systemd could not reload: "
                            + e.getMessage(), "run 'berth daemon-reload" + (user ? " --user" : "") + "'")));
        }
        for (UnitActions.Planned p : planned) {
            if (p.difference() == UnitDifference.REMOVED) {
                try {
                    bus.resetFailed(p.unit()); // a removed unit that had failed would be listed forever
                } catch (SystemdException ignored) {
                    // Not loaded any more, or never failed: nothing to clear.
                }
            }
        }
        List<UnitActions.Done> started = UnitActions.run(planned,
                Set.of(UnitActions.Action.RESTART, UnitActions.Action.START), bus);
        List<UnitActions.Done> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            done.add(planned.get(i).action() == UnitActions.Action.STOP ? stopped.get(i) : started.get(i));
        }
        return new ChangeReport(true, false, user, plan.files(), done, diagnostics, List.of());
    }

    private static List<Problem> plusNothing(List<Problem> errors) {
        List<Problem> out = new ArrayList<>(errors);
        out.add(Apply.nothingChanged());
        return out;
    }

    /** The regular files of a drop-in directory; none when it does not exist. */
    private static List<Path> dropIns(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }
}
