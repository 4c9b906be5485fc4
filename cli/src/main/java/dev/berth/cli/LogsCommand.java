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

/** {@code berth logs NAME [-f] [-n N]}. */
@Command(name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Shows a unit's log: what the container printed and what systemd said about the unit.",
            "",
            "Reads the journal with 'journalctl -o json -u UNIT' (with --user: 'journalctl --user'), and prints "
                    + "one line per entry: 'YYYY-MM-DD HH:MM:SS UNIT[PID]: MESSAGE', in local time. Reading the "
                    + "system journal may need membership of the adm or systemd-journal group.",
            "",
            "JSON: one object per line (JSON Lines, so that -f streams): {timestamp (ISO 8601, UTC), unit, pid, "
                    + "priority (0 emerg .. 7 debug), message}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:shown", "1:the name is unknown, or journalctl failed or is missing", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth logs web", "  berth logs -n 50 -f web.container", "  berth logs --user --format json web"})
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

    @Parameters(paramLabel = "NAME", arity = "1", description = JobCommand.NAMES)
    String name;

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
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        Optional<List<Found>> target = Targets.resolve(units, List.of(name), false, console);
        if (target.isEmpty()) {
            return Console.FAILED;
        }
        String unit = target.get().get(0).unit();
        Journal journal = new Journal(session.journal(), manager.user);
        Journal.Outcome outcome = journal.read(unit, lines == null ? OptionalInt.empty() : OptionalInt.of(lines),
                follow, record -> {
                    if (console.json()) {
                        console.record(record.json());
                    } else {
                        console.out(record.format(session.clock().getZone()));
                        session.out().flush();
                    }
                });
        if (!outcome.succeeded()) {
            return console.fail("journal", Optional.of(name), outcome.problem(), fixFor(outcome));
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
