package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth logs NAME... [-f] [-n N] [--since T] [--until T] [-p P] [-b] [--grep RE]}. */
@Command(name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Shows units' logs: what the containers printed and what systemd said about the units.",
            "",
            "Reads the journal with 'journalctl -o json -u UNIT' (with --user: 'journalctl --user'), and prints "
                    + "one line per entry: 'YYYY-MM-DD HH:MM:SS UNIT[PID]: MESSAGE', in local time. Reading the "
                    + "system journal may need membership of the adm or systemd-journal group. When nothing "
                    + "matches, it prints '-- No entries --' as journalctl does.",
            "",
            "JSON: one object per line (JSON Lines, so that -f streams): {timestamp (ISO 8601, UTC), unit, pid, "
                    + "priority (0 emerg .. 7 debug), message}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:shown (also when there are no entries)", "1:journalctl failed or is missing",
            "2:usage error", "4:a name is unknown"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth logs web", "  berth logs -n 50 -f web.container", "  berth logs --user --format json web",
            "  berth logs --since -1h -p warning web db-volume", "  berth logs -b --grep 'listening on' web"})
final class LogsCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Option(names = {"-n", "--lines"}, paramLabel = "N",
            description = "Show only the last N entries (default: all).")
    Integer lines;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new entries as they arrive, until interrupted (Ctrl-C).")
    boolean follow;

    @Option(names = {"-S", "--since"}, paramLabel = "TIME",
            description = "Entries on or after TIME, in journalctl's syntax: '2024-05-01 10:00', '-1h', 'today'.")
    String since;

    @Option(names = {"-U", "--until"}, paramLabel = "TIME", description = "Entries on or before TIME.")
    String until;

    @Option(names = {"-p", "--priority"}, paramLabel = "PRIORITY",
            description = "Entries of this priority or more important: emerg, alert, crit, err, warning, notice, "
                    + "info, debug (or 0-7), or a range such as err..warning.")
    String priority;

    @Option(names = {"-b", "--boot"}, description = "Only entries of the current boot.")
    boolean thisBoot;

    @Option(names = {"-g", "--grep"}, paramLabel = "PATTERN",
            description = "Only entries whose message matches PATTERN (a regular expression, as journalctl --grep).")
    String grep;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = JobCommand.NAMES
            + " Several names show their entries interleaved, by time.")
    List<String> names = new java.util.ArrayList<>();

    LogsCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        if (lines != null && lines < 0) {
            return console.fail("usage", Optional.empty(), "-n must be 0 or more, not " + lines,
                    Optional.of("give the number of entries to show, for example -n 50"));
        }
        Targets.Result target = Targets.resolveWithStatus(session, manager.user, names, false, console);
        if (target.status() != Console.OK) {
            return target.status();
        }
        List<String> unitNames = target.found().stream().map(Found::unit).toList();
        Journal journal = new Journal(session.journal(), manager.user);
        Journal.Filter filter = new Journal.Filter(Optional.ofNullable(since), Optional.ofNullable(until),
                Optional.ofNullable(priority), thisBoot, Optional.ofNullable(grep));
        java.util.concurrent.atomic.AtomicInteger shown = new java.util.concurrent.atomic.AtomicInteger();
        Journal.Outcome outcome = journal.read(unitNames, lines == null ? OptionalInt.empty()
                : OptionalInt.of(lines), follow, filter, record -> {
                    shown.incrementAndGet();
                    if (console.json()) {
                        console.record(record.json());
                    } else {
                        console.out(record.format(session.clock().getZone()));
                        session.out().flush();
                    }
                });
        // journalctl --grep exits 1 when nothing matches, as grep does; that is an empty answer, not a failure.
        boolean noMatch = grep != null && outcome.ran() && outcome.status() == 1 && shown.get() == 0
                && (outcome.errors().isBlank() || outcome.errors().contains("No entries"));
        if (noMatch) {
            outcome = new Journal.Outcome(true, 0, "");
        }
        if (outcome.succeeded() && shown.get() == 0 && !follow && !console.json()) {
            console.out("-- No entries --"); // as journalctl says it, so that an empty answer is not silence
        }
        if (!outcome.succeeded()) {
            return console.fail("journal", Optional.of(String.join(" ", names)), outcome.problem(),
                    fixFor(outcome));
        }
        return Console.OK;
    }

    private Optional<String> fixFor(Journal.Outcome outcome) {
        if (!outcome.ran()) {
            return outcome.fix();
        }
        String errors = outcome.errors().toLowerCase(java.util.Locale.ROOT);
        if (errors.contains("permission") || errors.contains("not seeing messages")) {
            return Optional.of("add yourself to the systemd-journal (or adm) group, or run berth as root");
        }
        return Optional.empty();
    }
}
