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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
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
 * <p>One use: an instance carries the links and modes of one run.
 */
public final class Removal {

    private final InstallSite site;
    private final SystemdConnection systemd;
    private final FileStore store;
    /** Install path -> where a symbolic link that is removed points (to put it back on a rollback). */
    private final Map<String, Path> links = new HashMap<>();
    private final Map<String, Set<PosixFilePermission>> modes = new HashMap<>();

    public Removal(InstallSite site, SystemdConnection systemd, FileStore store) {
        this.site = site;
        this.systemd = systemd;
        this.store = store;
    }

    /** Removes the files of {@code units} (already resolved from the names the user gave). */
    public ChangeReport run(List<ManagedUnit> units, boolean force, boolean dryRun) {
        boolean user = site.user();
        List<Diagnostic> recovered = dryRun ? List.of() : Journal.recover(site.real(), store);
        if (recovered.stream().anyMatch(Diagnostic::isError)) {
            return ChangeReport.refused(false, user, recovered, List.of(Apply.nothingChanged()));
        }
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
            Optional<Path> way = site.linkOnTheWay(relative(installReal, u.sourcePath().getParent()));
            if (way.isPresent()) {
                errors.add(Problem.about("link", u.fileName(), "the way to " + u.sourcePath() + " goes through the "
                        + "symbolic link " + way.get() + "; berth never deletes through a link", "remove it by hand"));
                continue;
            }
            relatives.add(relative(installReal, u.sourcePath()));
            try {
                Path dir = u.dropInDirectory();
                if (Files.isSymbolicLink(dir)) {
                    // The link goes, never what it points to: that may be anything, anywhere.
                    relatives.add(relative(installReal, dir));
                } else {
                    for (Path dropIn : dropIns(dir)) {
                        relatives.add(relative(installReal, dropIn));
                    }
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
        Set<String> hidden = new HashSet<>();
        for (String rel : relatives) {
            Path target = site.resolve(rel);
            try {
                if (Files.isSymbolicLink(target)) {
                    links.put(target.toString(), Files.readSymbolicLink(target));
                    hidden.add(target.toString());
                    removed.put(target.toString(), new byte[0]);
                    continue;
                }
                Optional<byte[]> bytes = InstallSite.read(target);
                if (bytes.isPresent()) {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
                    modes.put(target.toString(), mode);
                    if (!mode.contains(PosixFilePermission.OTHERS_READ)) {
                        hidden.add(target.toString());
                    }
                    removed.put(target.toString(), bytes.get());
                }
            } catch (IOException e) {
                errors.add(Problem.about("read", target.toString(), "cannot read " + target + ": "
                        + IoErrors.reason(e), IoErrors.fix(e)));
            }
        }
        if (!errors.isEmpty()) {
            return ChangeReport.refused(dryRun, user, List.of(), plusNothing(errors));
        }

        List<Diagnostic> diagnostics = new ArrayList<>(recovered);
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
        ApplyPlan plan = ApplyPlan.remove(removed, hidden, before.units().units(), after.units().units());

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
            Path to = links.get(f.path());
            steps.add(to != null ? new FileTransaction.Unlink(Path.of(f.path()), to)
                    : new FileTransaction.Delete(Path.of(f.path()), f.before().orElseThrow(),
                    modes.getOrDefault(f.path(), FileStore.FILE_MODE)));
        }
        FileTransaction.Result deleted = new FileTransaction(store,
                Optional.of(Journal.directoryFor(site.real()))).run(steps);
        if (!deleted.ok()) {
            diagnostics.add(deleted.failure().get());
            diagnostics.addAll(deleted.rollbackProblems());
            return new ChangeReport(!deleted.rollbackProblems().isEmpty(), false, user, plan.files(), stopped,
                    diagnostics, List.of(Problem.of("delete", "removing failed; the files already deleted were "
                            + "restored", "fix the cause named above and remove again")));
        }
        for (FileChange f : plan.changedFiles()) {
            Path dir = Path.of(f.path()).getParent();
            if (dir.getFileName().toString().endsWith(".d") && !Files.isSymbolicLink(dir)) {
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
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .sorted().toList();
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
