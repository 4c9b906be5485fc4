package dev.berth.cli;

import dev.berth.generator.ApplyPlan;
import dev.berth.generator.ApplyPlan.FileChange;
import dev.berth.generator.ApplyPlan.UnitDifference;
import dev.berth.generator.Generation;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth remove}. */
@Command(name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Stops units and removes their Quadlet files from the install directory.",
            "",
            "For each NAME (web, web.container, web.service; see 'berth start') it removes the Quadlet file from "
                    + "the install directory (/etc/containers/systemd, or with --user "
                    + "$XDG_CONFIG_HOME/containers/systemd) and the files of its own drop-in directory "
                    + "(web.container.d/, where 'berth enable' writes). It removes nothing else: shared drop-in "
                    + "directories (container.d/), kube YAML and environment files stay, since other files may use "
                    + "them; remove those by hand. Files elsewhere on the search path (/usr/share, /run) are not "
                    + "berth's to remove.",
            "",
            "It refuses when another installed file refers to a removed one (a .container with Network=x.network) "
                    + "and shows where, unless --force; with --force the referring units fail to generate and are "
                    + "stopped too. Then it stops the running units, deletes the files (restoring them all if one "
                    + "delete fails), reloads systemd, and restarts units whose generated unit changed (for example "
                    + "a pod that lost a member). Output as 'berth apply'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:removed",
            "1:unknown name, still referenced, a stop, delete or the reload failed",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth remove web                    stop web.service, delete web.container",
            "  berth remove --dry-run db.network   show what would go, and who refers to it",
            "  berth remove --user --format json web"})
final class RemoveCommand implements Callable<Integer> {

    private final Berth.Session session;
    private final FileStore store;

    @Option(names = "--user", description = "Remove from the user's directory, stop in the user's systemd.")
    boolean user;

    @Option(names = {"-n", "--dry-run"}, description = "Show what would be stopped and removed; change nothing.")
    boolean dryRun;

    @Option(names = "--force",
            description = "Remove even when other installed files refer to the removed ones, or a stop failed.")
    boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json (the document 'berth apply' prints).")
    OutputFormat format;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Units to remove: web, web.container, web.service.")
    List<String> names = new ArrayList<>();

    RemoveCommand(Berth.Session session, FileStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Integer call() {
        return SiteChange.run(user, dryRun, format, session, this::remove);
    }

    private ChangeReport remove(InstallSite site) {
        BerthUnits units = BerthUnits.of(user, site.searchPath().directories(), session.env());
        Generation.Outcome before = units.outcome();
        List<String> errors = new ArrayList<>();
        Path installReal = site.real();
        Set<String> relatives = new LinkedHashSet<>();
        UnitNameResolver.Resolutions resolved = units.resolver().resolveAll(names);
        resolved.notFound().forEach(n -> errors.add(n.message()));
        for (UnitNameResolver.Found f : resolved.found()) {
            ManagedUnit u = f.from();
            if (!f.unit().equals(u.service())) {
                errors.add("'" + f.given() + "' is an instance of " + u.fileName() + "; instances have no file of "
                        + "their own: stop it with 'berth stop " + f.given() + "', or remove the template by its "
                        + "name, '" + u.fileName() + "'");
                continue;
            }
            if (!u.sourcePath().startsWith(installReal)) {
                errors.add(u.fileName() + " is " + u.sourcePath() + ", outside " + site.directory()
                        + "; berth remove only removes files from the install directory");
                continue;
            }
            relatives.add(relative(installReal, u.sourcePath()));
            try {
                for (Path dropIn : dropIns(u.dropInDirectory())) {
                    relatives.add(relative(installReal, dropIn));
                }
            } catch (IOException e) {
                errors.add("cannot read " + u.dropInDirectory() + ": " + IoErrors.reason(e));
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
                errors.add("cannot read " + target + ": " + IoErrors.reason(e));
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
                    return ChangeReport.refused(dryRun, user, broken, List.of("other installed files refer to what "
                            + "would be removed (see above); remove them too, or pass --force; nothing was changed"));
                }
                broken.forEach(d -> diagnostics.add(Diagnostic.warning(d.position(),
                        "(--force) " + d.message(), d.fix().orElse(null))));
            }
        } catch (IOException e) {
            return ChangeReport.refused(dryRun, user, List.of(), List.of("cannot stage the install directory "
                    + site.directory() + ": " + IoErrors.reason(e) + "; nothing was changed"));
        }
        ApplyPlan plan = ApplyPlan.remove(removed, before.units().units(), after.units().units());

        Systemd systemd;
        try {
            systemd = session.connect(user);
        } catch (SystemdException e) {
            if (dryRun) {
                diagnostics.add(Diagnostic.warning(Position.ofFile("systemd"), "cannot read the units' states: "
                        + e.getMessage()));
                return new ChangeReport(plan.changesFiles(), true, user, plan.files(),
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
            return new ChangeReport(plan.changesFiles(), true, user, plan.files(), UnitActions.notRun(planned),
                    diagnostics, List.of());
        }
        // Stop first, while the units' files are still there; a unit that will not stop keeps its files.
        List<UnitActions.Done> stopped = UnitActions.run(planned, Set.of(UnitActions.Action.STOP), systemd);
        if (!force && stopped.stream().anyMatch(UnitActions.Done::failed)) {
            return new ChangeReport(false, false, user, plan.files(), stopped, diagnostics,
                    List.of("a unit did not stop; no file was removed (--force removes them anyway)"));
        }
        List<Installer.Step> steps = new ArrayList<>();
        for (FileChange f : plan.changedFiles()) {
            steps.add(new Installer.Delete(Path.of(f.path()), f.before().orElseThrow()));
        }
        Installer.Result deleted = new Installer(store).run(steps);
        if (!deleted.ok()) {
            diagnostics.add(deleted.failure().get());
            diagnostics.addAll(deleted.rollbackProblems());
            return new ChangeReport(!deleted.rollbackProblems().isEmpty(), false, user, plan.files(), stopped,
                    diagnostics, List.of("removing failed; the files already deleted were restored"));
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
            systemd.daemonReload();
        } catch (SystemdException e) {
            return new ChangeReport(true, false, user, plan.files(), stopped, diagnostics,
                    List.of("the files are removed, but systemd could not reload: " + e.getMessage()
                            + "; run 'berth daemon-reload" + (user ? " --user" : "") + "'"));
        }
        for (UnitActions.Planned p : planned) {
            if (p.difference() == UnitDifference.REMOVED) {
                try {
                    systemd.resetFailed(p.unit()); // a removed unit that had failed would be listed forever
                } catch (SystemdException ignored) {
                    // Not loaded any more, or never failed: nothing to clear.
                }
            }
        }
        List<UnitActions.Done> started = UnitActions.run(planned,
                Set.of(UnitActions.Action.RESTART, UnitActions.Action.START), systemd);
        List<UnitActions.Done> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            done.add(planned.get(i).action() == UnitActions.Action.STOP ? stopped.get(i) : started.get(i));
        }
        return new ChangeReport(true, false, user, plan.files(), done, diagnostics, List.of());
    }

    private static List<String> plusNothing(List<String> errors) {
        List<String> out = new ArrayList<>(errors);
        out.add("nothing was changed");
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
