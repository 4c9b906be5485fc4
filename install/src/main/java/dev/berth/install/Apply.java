package dev.berth.install;

import dev.berth.install.ApplyPlan.FileChange;
import dev.berth.generator.Environment;
import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.SearchPath;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>One use: an instance carries the modes of one run. The file operations are the real ones, or a test's that
 * fail on purpose.
 */
public final class Apply {

    private final InstallSite site;
    private final SystemdConnection systemd;
    private final FileStore store;
    /** Install path -> the mode it is written with, and the mode of the file it replaces. */
    private final Map<String, Set<PosixFilePermission>> newModes = new HashMap<>();
    private final Map<String, Set<PosixFilePermission>> installedModes = new HashMap<>();

    public Apply(InstallSite site, SystemdConnection systemd, FileStore store) {
        this.site = site;
        this.systemd = systemd;
        this.store = store;
    }

    /** Where a link points, for messages; the link itself when it cannot be read. */
    static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "somewhere unreadable";
        }
    }

    public ChangeReport run(List<Path> paths, boolean dryRun) {
        boolean user = site.user();
        ApplyInputs inputs = ApplyInputs.collect(paths);
        List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
        if (inputs.hasErrors()) {
            return ChangeReport.refused(dryRun, user, diagnostics, List.of(nothingChanged()));
        }
        Map<String, ApplyInputs.Input> byRelative = inputs.byRelativePath();
        if (!dryRun) {
            // Under the install lock: what an interrupted berth left is undone before anything is compared.
            diagnostics.addAll(Journal.recover(site.real(), store));
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return ChangeReport.refused(false, user, diagnostics, List.of(nothingChanged()));
            }
        }

        Map<String, byte[]> installed = new LinkedHashMap<>();
        Map<String, byte[]> incoming = new LinkedHashMap<>();
        Set<String> hidden = new HashSet<>();
        Set<String> modeChanged = new HashSet<>();
        for (Map.Entry<String, ApplyInputs.Input> e : byRelative.entrySet()) {
            Path target = site.resolve(e.getKey());
            Optional<Path> link = site.linkOnTheWay(e.getKey());
            if (link.isPresent()) {
                diagnostics.add(Diagnostic.error(Position.ofFile(target.toString()), "the way to this file goes "
                                + "through the symbolic link " + link.get() + "; berth never writes through a link in "
                                + "the install directory", "remove the link " + link.get() + " (it points to "
                                + linkTarget(link.get()) + "), then apply again"));
                continue;
            }
            if (Files.isDirectory(target)) {
                diagnostics.add(Diagnostic.error(Position.ofFile(target.toString()),
                        "a directory is in the way of " + e.getValue().origin(), "move the directory away"));
                continue;
            }
            boolean worldReadable = e.getValue().worldReadable();
            if (!worldReadable) {
                hidden.add(target.toString());
            }
            try {
                Optional<byte[]> old = InstallSite.read(target);
                if (old.isPresent()) {
                    installed.put(target.toString(), old.get());
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
                    installedModes.put(target.toString(), mode);
                    if (!mode.contains(PosixFilePermission.OTHERS_READ)) {
                        hidden.add(target.toString());
                    }
                    if (!mode.equals(FileStore.modeFor(worldReadable))) {
                        modeChanged.add(target.toString());
                    }
                }
            } catch (IOException ex) {
                diagnostics.add(Diagnostic.error(Position.ofFile(target.toString()),
                        "cannot read the installed file: " + IoErrors.reason(ex), IoErrors.fix(ex)));
            }
            incoming.put(target.toString(), e.getValue().bytes());
            newModes.put(target.toString(), FileStore.modeFor(worldReadable));
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
            List<Diagnostic> forUsers = usersErrors(byRelative);
            if (!forUsers.isEmpty()) {
                diagnostics.addAll(forUsers);
                diagnostics.addAll(shownWarnings);
                return ChangeReport.refused(dryRun, user, diagnostics, List.of(Problem.of("invalid",
                        count(forUsers.size(), "error") + " in the files to apply for users' generators; nothing "
                                + "was changed", "fix the files named above and apply again")));
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

        ApplyPlan plan = ApplyPlan.apply(installed, incoming, hidden, modeChanged, before.units().units(),
                after.units().units());
        Set<String> applied = new HashSet<>();
        byRelative.keySet().forEach(rel -> applied.add(site.real().resolve(rel).toString()));
        List<GeneratedUnit> ours = after.units().units().stream()
                .filter(u -> applied.contains(u.source().path())).toList();
        Systemd bus;
        try {
            bus = systemd.open();
        } catch (SystemdException e) {
            if (dryRun) {
                diagnostics.add(Diagnostic.warning(Position.ofFile("systemd"), "cannot read the units' states: "
                        + e.getMessage() + "; units that are running would be restarted"));
                return new ChangeReport(plan.changesFiles(), true, user, plan.files(),
                        UnitActions.notRun(UnitActions.decideWithoutStates(plan.units())), diagnostics, List.of());
            }
            return ChangeReport.refused(false, user, diagnostics, List.of(Problems.of(e, "nothing was changed")));
        }
        try (bus) {
            return carryOut(plan, ours, bus, diagnostics, dryRun);
        }
    }

    private ChangeReport carryOut(ApplyPlan plan, List<GeneratedUnit> ours, Systemd bus, List<Diagnostic> diagnostics,
                                  boolean dryRun) {
        boolean user = site.user();
        List<UnitActions.Planned> planned;
        List<Convergence.Observed> observed;
        try {
            planned = new ArrayList<>(UnitActions.decide(plan.units(), bus));
            observed = Convergence.observe(bus, ours, site.root());
        } catch (SystemdException e) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics,
                    List.of(Problems.of(e, "cannot read the units' states; nothing was changed")));
        }
        Set<String> decided = new HashSet<>();
        planned.forEach(p -> decided.add(p.unit()));
        planned.addAll(Convergence.decide(observed, decided));
        boolean stale = observed.stream().anyMatch(o -> o.stale().isPresent());
        boolean reload = plan.changesFiles() || stale;
        boolean acts = planned.stream().anyMatch(p -> p.action() != UnitActions.Action.NONE);
        if (!reload && !acts) {
            return new ChangeReport(false, dryRun, user, plan.files(), List.of(), diagnostics, List.of());
        }
        if (dryRun) {
            return new ChangeReport(plan.changesFiles(), true, user, plan.files(), UnitActions.notRun(planned),
                    diagnostics, List.of());
        }
        if (plan.changesFiles()) {
            List<FileTransaction.Step> steps = new ArrayList<>();
            for (FileChange f : plan.changedFiles()) {
                steps.add(new FileTransaction.Write(Path.of(f.path()), f.after().orElseThrow(),
                        newModes.getOrDefault(f.path(), FileStore.FILE_MODE), f.before(),
                        installedModes.getOrDefault(f.path(), FileStore.FILE_MODE)));
            }
            FileTransaction.Result written = new FileTransaction(store,
                    Optional.of(Journal.directoryFor(site.real()))).run(steps);
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
        }
        return reloadAndRun(plan, planned, reload, bus, diagnostics, user, dryRun);
    }

    /**
     * Stops what is no longer generated, reloads systemd (when {@code reload}), then restarts and starts. When the
     * reload fails, nothing is restarted or started (systemd would run the old units): those steps are reported as
     * not run, and the next apply finds systemd out of date and does them.
     */
    static ChangeReport reloadAndRun(ApplyPlan plan, List<UnitActions.Planned> planned, boolean reload, Systemd bus,
                                     List<Diagnostic> diagnostics, boolean user, boolean dryRun) {
        List<UnitActions.Done> stopped = UnitActions.run(planned, Set.of(UnitActions.Action.STOP), bus);
        if (reload) {
            try {
                bus.daemonReload();
            } catch (SystemdException e) {
                List<UnitActions.Done> done = new ArrayList<>();
                for (int i = 0; i < planned.size(); i++) {
                    UnitActions.Planned p = planned.get(i);
                    done.add(p.action() == UnitActions.Action.STOP || p.action() == UnitActions.Action.NONE
                            ? stopped.get(i) : UnitActions.Done.notRun(p, "systemd was not reloaded"));
                }
                return new ChangeReport(plan.changesFiles(), dryRun, user, plan.files(), done, diagnostics,
                        List.of(Problem.of("reload", (plan.changesFiles() ? "the files are installed, but " : "")
                                + "systemd could not reload: " + e.getMessage(), "fix the cause and run the same "
                                + "'berth apply' again: it reloads and starts what is left")), false);
            }
        }
        List<UnitActions.Done> started = UnitActions.run(planned,
                Set.of(UnitActions.Action.RESTART, UnitActions.Action.START), bus);
        List<UnitActions.Done> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            done.add(planned.get(i).action() == UnitActions.Action.STOP ? stopped.get(i) : started.get(i));
        }
        return new ChangeReport(plan.changesFiles(), dryRun, user, plan.files(), done, diagnostics, List.of(),
                reload);
    }

    /**
     * The errors in applied files under {@code users/} as each user's generator will read them: the system's
     * generator skips {@code users/}, so a rootful apply would otherwise install them unchecked. Each numeric
     * {@code users/UID/} named is checked with that UID's search path ({@code users/UID}, then {@code users},
     * then the vendor's); a file directly under {@code users/} (read by every user) with each UID that has a
     * directory there, or with an unprivileged one when none has.
     */
    private List<Diagnostic> usersErrors(Map<String, ApplyInputs.Input> byRelative) throws IOException {
        if (site.user()) {
            return List.of();
        }
        Set<Integer> uids = new java.util.TreeSet<>();
        boolean shared = false;
        for (String rel : byRelative.keySet()) {
            String[] parts = rel.split("/");
            if (parts.length < 2 || !parts[0].equals("users")) {
                continue;
            }
            if (parts.length >= 3 && parts[1].matches("[0-9]{1,9}")) {
                uids.add(Integer.parseInt(parts[1]));
            } else {
                shared = true;
            }
        }
        if (uids.isEmpty() && !shared) {
            return List.of();
        }
        if (shared) {
            Path users = site.real().resolve("users");
            if (Files.isDirectory(users)) {
                try (var s = Files.list(users)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{1,9}"))
                            .forEach(n -> uids.add(Integer.parseInt(n)));
                }
            }
            if (uids.isEmpty()) {
                uids.add(NOBODY);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (StagedInstall staged = StagedInstall.build(site.directory(), true, byRelative, Set.of())) {
            // A root of its own in the copy, whose /etc/containers/systemd is the copy and whose /usr/share one is
            // the real vendor's, so that the search path is exactly the one the user's generator walks.
            Path root = staged.copy().resolveSibling(staged.copy().getFileName() + "-root");
            try {
                Files.createDirectories(root.resolve("etc/containers"));
                Files.createSymbolicLink(root.resolve("etc/containers/systemd"), staged.copy());
                Path distro = site.root().resolve("usr/share/containers/systemd");
                if (Files.isDirectory(distro)) {
                    Files.createDirectories(root.resolve("usr/share/containers"));
                    Files.createSymbolicLink(root.resolve("usr/share/containers/systemd"), distro.toRealPath());
                }
                for (int uid : uids) {
                    Environment env = Environment.of(Map.of(), uid, root);
                    Generation.Outcome o = staged.generate(SearchPath.of(true, env), GeneratorOptions.of(true, env),
                            HostView.real());
                    for (Diagnostic d : o.diagnostics()) {
                        if (d.isError() && staged.isApplied(d.position().file()) && seen.add(d.format())) {
                            out.add(d);
                        }
                    }
                }
            } finally {
                try (var s = Files.walk(root)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return out;
    }

    /** The uid a shared {@code users/} file is checked with when no user has a directory of their own. */
    private static final int NOBODY = 65534;

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
