package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.systemd.JobKind;
import dev.berth.systemd.JobOutcome;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.spec.systemd.TimeSpan;
import dev.berth.systemd.UnitState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth start|stop|restart|reload NAME...}: one systemd job per unit, all queued at once (systemd runs
 * them concurrently), each waited for until systemd reports how it ended. A failed job is shown with the unit's
 * state and its last log lines.
 */
abstract class JobCommand implements Callable<Integer> {

    static final String NAMES = "Units, each named by its Quadlet file (web.container), its service (web.service, "
            + "or a ServiceName= override) or its base name (web); an instance of a template file as "
            + "echo@blue. See 'berth list'.";
    static final String JSON_SHAPE = "JSON: {\"units\": [{name, given, job, result, succeeded, problem, fix, "
            + "state: {activeState, subState, result, mainPid, ...} | null, logs: [{timestamp, unit, pid, priority, "
            + "message}]}]}; result is systemd's (done, failed, timeout, canceled, dependency, skipped, invalid, ...) "
            + "or berth's own wait-expired / connection-lost when systemd did not say.";

    // The four commands exit alike; an annotation takes no array constant, so each line is one.
    static final String EXIT_SUCCEEDED = "0:every job succeeded (with --no-block: was queued)";
    static final String EXIT_FAILED = "1:a job failed or timed out, or systemd cannot be reached";
    static final String EXIT_USAGE = "2:usage error";
    static final String EXIT_UNKNOWN = "4:a name is unknown";

    private final Berth.Session session;
    private final JobKind kind;
    private final String pastTense;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", arity = "1..*", description = NAMES)
    List<String> names = new ArrayList<>();

    @Option(names = "--no-block", description = "Queue the jobs and return without waiting for them (as systemctl "
            + "--no-block); prints 'queued start NAME'. See 'berth status' for how they end.")
    boolean noBlock;

    @Option(names = "--timeout", paramLabel = "SPAN", description = "Wait at most this long for the jobs, a systemd "
            + "time span (90, 90s, 5min, 1h 30min). Default: 10min. When it passes, berth stops waiting (the job "
            + "keeps running in systemd) and exits 1.")
    String timeout;

    JobCommand(Berth.Session session, JobKind kind, String pastTense) {
        this.session = session;
        this.kind = kind;
        this.pastTense = pastTense;
    }

    /** The job command of that name: start, stop, restart or reload. */
    static JobCommand named(String name, Berth.Session session) {
        return switch (name) {
            case "start" -> new Start(session);
            case "stop" -> new Stop(session);
            case "restart" -> new Restart(session);
            case "reload" -> new Reload(session);
            default -> throw new IllegalArgumentException("no job command " + name);
        };
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        Optional<Duration> wait = Optional.empty();
        if (timeout != null) {
            wait = TimeSpan.parse(timeout).filter(d -> !d.isZero());
            if (wait.isEmpty()) {
                console.fail("usage", Optional.empty(), "--timeout " + timeout + " is not a time span",
                        Optional.of("write seconds or a span such as 90s, 5min, 1h 30min"));
                return picocli.CommandLine.ExitCode.USAGE;
            }
        }
        // stop may name a file with errors: the unit generated before the error can still be stopped
        boolean generatedOnly = kind != JobKind.STOP;
        Targets.Result resolved = Targets.resolveWithStatus(session, manager.user, names, generatedOnly, console);
        if (resolved.status() != Console.OK) {
            return resolved.status();
        }
        List<String> unitNames = resolved.found().stream().map(Found::unit).toList();
        Journal journal = new Journal(session.journal(), manager.user);
        List<Row> rows = new ArrayList<>();
        boolean allSucceeded = true;
        try (Systemd systemd = session.connect(manager.user)) {
            List<JobOutcome> outcomes;
            if (noBlock) {
                outcomes = systemd.runAll(kind, unitNames, Optional.empty());
            } else if (showProgress(console)) {
                try (JobProgress progress = JobProgress.start(systemd, unitNames, session.out(),
                        session.clock())) {
                    outcomes = run(systemd, unitNames, wait);
                }
            } else {
                outcomes = run(systemd, unitNames, wait);
            }
            for (int i = 0; i < outcomes.size(); i++) {
                JobOutcome o = outcomes.get(i);
                Found target = resolved.found().get(i);
                allSucceeded &= o.succeeded();
                rows.add(report(o, target, systemd, journal, console));
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        if (console.json()) {
            console.document(new Document(rows));
        }
        return allSucceeded ? Console.OK : Console.FAILED;
    }

    /** The plain line ({@code berth start web}) keeps the bridge's own call, and its default wait. */
    private List<JobOutcome> run(Systemd systemd, List<String> unitNames, Optional<Duration> wait)
            throws SystemdException {
        return wait.isPresent() ? systemd.runAll(kind, unitNames, wait) : systemd.runAll(kind, unitNames);
    }

    /** Progress while units start: only for a person watching a terminal, and only for jobs that start units. */
    private boolean showProgress(Console console) {
        return session.terminal() && !console.json() && !manager.quiet
                && (kind == JobKind.START || kind == JobKind.RESTART);
    }

    /** One unit's line of the JSON report; {@code state} and {@code logs} explain a failed job. */
    record Row(String name, String given, String job, String result, boolean succeeded, Optional<String> problem,
               Optional<String> fix, Optional<UnitStates.StateJson> state, List<JournalRecord.JsonEntry> logs) {
    }

    record Document(List<Row> units) {
    }

    private Row report(JobOutcome o, Found target, Systemd systemd, Journal journal, Console console) {
        Optional<String> problem = o.refusal().map(SystemdException::problem).or(() -> o.succeeded()
                ? Optional.empty() : Optional.of(kind.verb() + " " + o.unit() + ": " + o.result().description()));
        Optional<String> fix = o.refusal().flatMap(SystemdException::fix);
        if (o.succeeded()) {
            if (!console.json() && !manager.quiet) {
                console.out(switch (o.result()) {
                    case DONE -> pastTense + " " + o.unit();
                    case QUEUED -> "queued " + kind.verb() + " " + o.unit();
                    default -> o.message();
                });
            }
            return new Row(o.unit(), target.given(), kind.verb(), UnitStates.name(o.result()), true, problem, fix,
                    Optional.empty(), List.of());
        }
        // Why it failed: the unit's state and its last log lines, when a job ran. When systemd refused to queue
        // it (no such unit, permission denied, masked, not applicable) the refusal says it all.
        boolean explain = o.refusal().isEmpty();
        Optional<UnitState> state = Optional.empty();
        List<JournalRecord> logs = List.of();
        List<String> journalProblems = new ArrayList<>();
        if (explain) {
            try {
                state = Optional.of(systemd.state(o.unit()));
            } catch (SystemdException e) {
                // the state is a detail of the report; the job's own result is what matters
            }
            logs = journal.last(o.unit(), Journal.FAILURE_LINES, journalProblems);
        }
        if (!console.json()) {
            console.out(o.message());
            state.ifPresent(s -> console.out("  " + s.name() + " is " + UnitStates.active(s)));
            if (!logs.isEmpty()) {
                console.out("  last log lines:");
                for (JournalRecord r : logs) {
                    console.out("    " + r.format(session.clock().getZone()));
                }
            }
            for (String p : journalProblems) {
                console.out("  no log lines: " + p);
            }
            if (explain) {
                String user = manager.user ? " --user" : "";
                console.out("  see 'berth status" + user + " " + target.given() + "' and 'berth logs" + user + " "
                        + target.given() + "'");
            }
        }
        Instant now = session.clock().instant();
        return new Row(o.unit(), target.given(), kind.verb(), UnitStates.name(o.result()), false, problem, fix,
                state.map(s -> UnitStates.json(s, now)), logs.stream().map(JournalRecord::json).toList());
    }

    @Command(name = "start",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Starts units and waits until systemd has started them (or failed to).",
                "",
                "All jobs are queued at once and run concurrently; units they depend on (the .network, .volume and "
                        + ".pod units a container references) are started first by systemd. Prints 'started "
                        + "NAME' per unit; a failure prints the job's result, the unit's state and its last "
                        + "10 log lines. On a terminal, one progress line shows the units still starting and their "
                        + "state (a first start may pull an image for minutes).",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {EXIT_SUCCEEDED, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN},
            footerHeading = "%nExamples:%n",
            footer = {"  berth start web", "  berth start --user web.container db-volume.service",
                "  berth start --format json web"})
    static final class Start extends JobCommand {
        Start(Berth.Session session) {
            super(session, JobKind.START, "started");
        }
    }

    @Command(name = "stop",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Stops units and waits until systemd has stopped them.",
                "",
                "Units that depend on them (Requires=, BindsTo=) are stopped too, by systemd. A file with "
                        + "errors can still be named, so that a unit generated before the error can be stopped.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {EXIT_SUCCEEDED, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN},
            footerHeading = "%nExamples:%n",
            footer = {"  berth stop web", "  berth stop --user web db-volume"})
    static final class Stop extends JobCommand {
        Stop(Berth.Session session) {
            super(session, JobKind.STOP, "stopped");
        }
    }

    @Command(name = "restart",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Restarts units (starts those not running) and waits until systemd is done.",
                "",
                "Restarting a container recreates it from its image. A restart also resets NRestarts, the count "
                        + "of automatic restarts 'berth status' shows. A failure prints the job's result, the "
                        + "unit's state and its last 10 log lines.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {EXIT_SUCCEEDED, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN},
            footerHeading = "%nExamples:%n",
            footer = {"  berth restart web", "  berth restart --user web.container"})
    static final class Restart extends JobCommand {
        Restart(Berth.Session session) {
            super(session, JobKind.RESTART, "restarted");
        }
    }

    @Command(name = "reload",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Runs the units' own reload command (ExecReload=) and waits until it is done.",
                "",
                "This is not 'berth daemon-reload': it asks running units to reload their configuration. "
                        + "Quadlet units have ExecReload= only when their file sets it ([Service] ExecReload=, or "
                        + "ReloadCmd=/ReloadSignal= in [Container]); systemd refuses the others.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {EXIT_SUCCEEDED, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN},
            footerHeading = "%nExamples:%n",
            footer = {"  berth reload web"})
    static final class Reload extends JobCommand {
        Reload(Berth.Session session) {
            super(session, JobKind.RELOAD, "reloaded");
        }
    }
}
