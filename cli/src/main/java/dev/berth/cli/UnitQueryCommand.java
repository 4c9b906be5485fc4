package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth is-active|is-failed|is-enabled NAME...}: systemctl's questions, answered by exit status for
 * scripts ({@code if berth is-active -q web; then ...}) and by one word per unit for people.
 */
abstract class UnitQueryCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", arity = "1..*", description = JobCommand.NAMES)
    List<String> names = new ArrayList<>();

    UnitQueryCommand(Berth.Session session) {
        this.session = session;
    }

    /** Whether the question needs systemd (is-enabled does not: berth's links come from the files). */
    abstract boolean needsBus();

    /** The word for one unit. */
    abstract String answer(Found unit, Optional<Systemd> systemd) throws SystemdException;

    /** Whether the word is a yes. */
    abstract boolean yes(String answer);

    /** The exit status when no unit says yes. */
    abstract int no();

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        Targets.Result resolved = Targets.resolveWithStatus(session, manager.user, names, false, console);
        if (resolved.status() != Console.OK) {
            return resolved.status();
        }
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        try (Systemd systemd = needsBus() ? session.connect(manager.user) : null) {
            for (Found f : resolved.found()) {
                String word = answer(f, Optional.ofNullable(systemd));
                any |= yes(word);
                if (!console.json() && !manager.quiet) {
                    console.out(word);
                }
                rows.add(new Row(f.unit(), f.given(), word));
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        if (console.json()) {
            console.document(new Document(rows));
        }
        return any ? Console.OK : no();
    }

    /** The JSON answer: one row per unit asked about. */
    record Document(List<Row> units) {
    }

    record Row(String name, String given, String state) {
    }

    /**
     * is-active and is-failed ask the same of systemd, the unit's ActiveState, and differ only in which word is a
     * yes and what status a no exits with.
     */
    abstract static class ActiveStateQuery extends UnitQueryCommand {
        ActiveStateQuery(Berth.Session session) {
            super(session);
        }

        @Override
        final boolean needsBus() {
            return true;
        }

        /** The unit's ActiveState; "inactive" when systemd has not loaded it (as systemctl prints). */
        @Override
        final String answer(Found unit, Optional<Systemd> systemd) throws SystemdException {
            return StatusCommand.stateOf(systemd.orElseThrow(), unit.unit()).map(UnitState::activeState)
                    .orElse("inactive");
        }
    }

    @Command(name = "is-active",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Answers whether units are active, as systemctl is-active.",
                "",
                "Prints each unit's active state (active, inactive, failed, activating, ...); with -q only the "
                        + "exit status answers.",
                "",
                "JSON: {\"units\": [{name, given, state}]}."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:at least one unit is active", "1:systemd cannot be reached", "2:usage error",
                "3:no unit is active", "4:a name is unknown"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth is-active web", "  berth is-active -q web && echo up", "  berth --user is-active web"})
    static final class IsActive extends ActiveStateQuery {
        IsActive(Berth.Session session) {
            super(session);
        }

        @Override
        boolean yes(String answer) {
            return answer.equals("active") || answer.equals("reloading") || answer.equals("refreshing");
        }

        @Override
        int no() {
            return StatusCommand.NOT_ACTIVE;
        }
    }

    @Command(name = "is-failed",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Answers whether units are failed, as systemctl is-failed.",
                "",
                "Prints each unit's active state; with -q only the exit status answers.",
                "",
                "JSON: {\"units\": [{name, given, state}]}."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:at least one unit is failed", "1:no unit is failed, or systemd cannot be reached",
                "2:usage error", "4:a name is unknown"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth is-failed web", "  berth is-failed -q web && berth logs -n 20 web"})
    static final class IsFailed extends ActiveStateQuery {
        IsFailed(Berth.Session session) {
            super(session);
        }

        @Override
        boolean yes(String answer) {
            return answer.equals("failed");
        }

        @Override
        int no() {
            return Console.FAILED;
        }
    }

    @Command(name = "is-enabled",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Answers whether units start at boot, as systemctl is-enabled.",
                "",
                "Prints one word per unit: enabled (its [Install] section, or 'berth enable', "
                        + "makes berth-generator link it into a target), disabled, indirect (a template that "
                        + "enables an instance with DefaultInstance=) or not-generated (its file has errors).",
                "",
                "Read from the files, as berth-generator reads them: it needs no bus. (systemctl is-enabled says "
                        + "'generated' for every generated unit.)",
                "",
                "JSON: {\"units\": [{name, given, state}]}."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:at least one unit is enabled (or indirect)", "1:none is", "2:usage error",
                "4:a name is unknown"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth is-enabled web", "  berth is-enabled -q web || berth enable web"})
    static final class IsEnabled extends UnitQueryCommand {
        IsEnabled(Berth.Session session) {
            super(session);
        }

        @Override
        boolean needsBus() {
            return false;
        }

        @Override
        String answer(Found unit, Optional<Systemd> systemd) {
            return EnabledState.of(unit.from(), unit.unit());
        }

        @Override
        boolean yes(String answer) {
            return EnabledState.counts(answer);
        }

        @Override
        int no() {
            return Console.FAILED;
        }
    }
}
