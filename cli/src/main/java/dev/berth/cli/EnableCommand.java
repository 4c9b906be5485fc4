package dev.berth.cli;

import dev.berth.cli.InstallChoice.Action;
import dev.berth.cli.InstallChoice.Choice;
import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.systemd.JobKind;
import dev.berth.systemd.JobOutcome;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth enable|disable [--now] NAME...}: records the choice as a drop-in ({@link InstallChoice}), reloads
 * systemd so that the generator makes or drops the links, checks that the generator now sees the choice, and with
 * {@code --now} starts or stops the units.
 */
abstract class EnableCommand implements Callable<Integer> {

    static final String JSON_SHAPE = "JSON: {\"reloaded\": bool, \"units\": [{name, given, enabled, action "
            + "(written, removed, unchanged), dropIn, links: [TARGET.wants/NAME...], problem, fix, job: {result, "
            + "succeeded, problem, fix} | null}]}.";

    private final Berth.Session session;
    private final Choice choice;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Option(names = "--now", description = "Also start (enable) or stop (disable) the units, and wait for the jobs.")
    boolean now;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = JobCommand.NAMES)
    List<String> names = new ArrayList<>();

    EnableCommand(Berth.Session session, Choice choice) {
        this.session = session;
        this.choice = choice;
    }

    private boolean enable() {
        return choice == Choice.ENABLE;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        return InstallLock.around(manager.user, session, () -> choose(console),
                problem -> console.fail("lock", Optional.empty(), problem, Optional.empty()));
    }

    private int choose(Console console) {
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        Optional<List<Found>> targets = Targets.resolve(units, names, enable(), console);
        if (targets.isEmpty()) {
            return Console.FAILED;
        }
        for (Found f : targets.get()) {
            if (!f.unit().equals(f.from().service())) {
                String instanceFile = f.unit().replace(".service", "." + f.from().source().kind().extension());
                return console.fail("instance", Optional.of(f.given()), f.unit() + " is an instance of "
                        + f.from().fileName() + ", which has no file of its own to record the choice in",
                        Optional.of("create " + instanceFile + " as a symbolic link to " + f.from().fileName()
                                + " beside it, then 'berth " + (enable() ? "enable" : "disable") + " "
                                + instanceFile + "'"));
            }
        }
        // 1. Record the choice, one file per unit.
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean changed = false;
        for (Found f : targets.get()) {
            Action action;
            try {
                action = InstallChoice.apply(choice, f.from(), manager.user);
            } catch (IOException e) {
                return console.fail("write", Optional.of(f.given()), "cannot write "
                        + InstallChoice.dropIn(f.from()) + ": " + reason(e), Optional.of(e instanceof
                        AccessDeniedException ? (manager.user ? "check the permissions of the directory"
                        : "run berth as root, or use --user for your own units") : "check the directory"));
            }
            changed |= action != Action.UNCHANGED;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.unit());
            row.put("given", f.given());
            row.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
            row.put("dropIn", InstallChoice.dropIn(f.from()).toString());
            rows.add(row);
        }
        // 2. Check that the generator now sees the choice (another drop-in may override berth's).
        BerthUnits after = BerthUnits.load(manager.user, session.env());
        boolean allAsChosen = true;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Found f = targets.get().get(i);
            List<String> links = after.bySource(f.from().sourcePath()).flatMap(ManagedUnit::generated)
                    .map(InstallChoice::startLinks).orElse(List.of());
            boolean enabled = !links.isEmpty();
            row.put("enabled", enabled);
            row.put("links", links);
            Optional<String> problem = Optional.empty();
            if (enabled != enable()) {
                allAsChosen = false;
                problem = Optional.of(enable()
                        ? f.unit() + " is still not enabled: the generator makes no [Install] links for it"
                        : f.unit() + " is still enabled: " + String.join(", ", links));
            }
            row.put("problem", problem.orElse(null));
            row.put("fix", problem.map(p -> "another drop-in of " + f.from().fileName() + " overrides "
                    + InstallChoice.dropIn(f.from()) + "; see the [Install] lines of 'berth generate --dryrun "
                    + f.from().source().path() + "'").orElse(null));
            row.put("job", null);
        }
        // 3. Reload, so the generator makes the links now; then start or stop.
        boolean reloaded = false;
        boolean jobsSucceeded = true;
        if (changed || now) {
            try (Systemd systemd = session.connect(manager.user)) {
                if (changed) {
                    systemd.daemonReload();
                    reloaded = true;
                }
                if (now) {
                    List<String> unitNames = targets.get().stream().map(Found::unit).toList();
                    List<JobOutcome> outcomes = systemd.runAll(enable() ? JobKind.START : JobKind.STOP, unitNames);
                    for (int i = 0; i < outcomes.size(); i++) {
                        JobOutcome o = outcomes.get(i);
                        jobsSucceeded &= o.succeeded();
                        Map<String, Object> job = new LinkedHashMap<>();
                        job.put("kind", o.kind().verb());
                        job.put("result", UnitStates.name(o.result()));
                        job.put("succeeded", o.succeeded());
                        job.put("problem", o.succeeded() ? null : o.message());
                        job.put("fix", o.refusal().flatMap(SystemdException::fix).orElse(null));
                        rows.get(i).put("job", job);
                    }
                }
            } catch (SystemdException e) {
                printRows(console, rows);
                return console.fail(e);
            }
        }
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("reloaded", reloaded);
            doc.put("units", rows);
            console.document(doc);
        } else {
            printRows(console, rows);
            if (reloaded) {
                console.out("reloaded the " + (manager.user ? "user's" : "system") + " manager");
            }
        }
        return allAsChosen && jobsSucceeded ? Console.OK : Console.FAILED;
    }

    private void printRows(Console console, List<Map<String, Object>> rows) {
        if (console.json()) {
            return;
        }
        String verb = enable() ? "enabled" : "disabled";
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("name");
            String how = switch ((String) row.get("action")) {
                case "written" -> ": wrote " + row.get("dropIn");
                case "removed" -> ": removed " + row.get("dropIn");
                default -> " (already)";
            };
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) row.getOrDefault("links", List.of());
            console.out(verb + " " + name + how + (links.isEmpty() ? "" : " [" + String.join(" ", links) + "]"));
            if (row.get("problem") != null) {
                console.out("  problem: " + row.get("problem"));
                console.out("  fix: " + row.get("fix"));
            }
            if (row.get("job") instanceof Map<?, ?> job) {
                console.out("  " + (Boolean.TRUE.equals(job.get("succeeded"))
                        ? (enable() ? "started " : "stopped ") + name : job.get("problem")));
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Command(name = "enable",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Makes units start at boot (systemctl enable refuses units that a generator makes).",
                "",
                "Records the choice in the Quadlet file's own drop-in directory, as NAME.container.d/"
                        + InstallChoice.FILE_NAME + " with '[Install] WantedBy=multi-user.target' "
                        + "(default.target with --user); a file whose [Install] already names a target needs no "
                        + "drop-in, and an earlier 'berth disable' is undone. Then reloads systemd, so that "
                        + "berth-generator makes the links now and at every boot. The file is replaced atomically; "
                        + "enabling twice changes nothing.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:enabled (and started, with --now)", "1:a name is unknown, the drop-in cannot be "
                    + "written, another drop-in overrides it, a start failed, or systemd cannot be reached",
                "2:usage error"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth enable web", "  berth enable --now web.container", "  berth enable --user --now web"})
    static final class Enable extends EnableCommand {
        Enable(Berth.Session session) {
            super(session, Choice.ENABLE);
        }
    }

    @Command(name = "disable",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Makes units no longer start at boot.",
                "",
                "Records the choice in the Quadlet file's own drop-in directory, as NAME.container.d/"
                        + InstallChoice.FILE_NAME + ": when the file's [Install] names targets, the drop-in "
                        + "clears WantedBy=, RequiredBy= and UpheldBy= (Alias= is kept); an earlier "
                        + "'berth enable' is undone. Then reloads systemd, so that berth-generator drops the "
                        + "links. The file stays untouched; disabling twice changes nothing.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:disabled (and stopped, with --now)", "1:a name is unknown, the drop-in cannot be "
                    + "written, another drop-in overrides it, a stop failed, or systemd cannot be reached",
                "2:usage error"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth disable web", "  berth disable --now web.container"})
    static final class Disable extends EnableCommand {
        Disable(Berth.Session session) {
            super(session, Choice.DISABLE);
        }
    }
}
