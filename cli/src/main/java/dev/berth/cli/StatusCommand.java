package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.install.ManagedUnit;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import dev.berth.systemd.UnitSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code berth status [NAME...]}. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Shows the state of berth's units: what systemd says about the units berth generates.",
            "",
            "Without NAME: every unit generated from the search path, and the running instances of template "
                    + "files. One line per unit: its state (active, failed (exit-code, status 3), ...), whether it starts at "
                    + "boot (enabled, disabled, indirect: see berth is-enabled), main PID, "
                    + "uptime, NRestarts (automatic restarts since the last start by hand), the image (Image= of "
                    + "the file) and the Quadlet file it comes from. A note follows when systemd's unit of that "
                    + "name does not come from berth's file (a unit file in /etc/systemd/system shadows it, or "
                    + "systemd has not been reloaded since the file was added).",
            "",
            "JSON: {\"units\": [{name, source, image, managed, enabled, note, state: {loadState, activeState, subState, "
                    + "result, mainPid, since, uptimeSeconds, restarts, execMainStatus, fragmentPath, sourcePath} "
                    + "| null}]}; state is null when systemd does not know the unit."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:shown (with NAME: every named unit is active)",
            "1:systemd cannot be reached",
            "2:usage error",
            "3:a named unit is not active",
            "4:a name is unknown"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth status", "  berth status web db-volume", "  berth status --user --format json"})
final class StatusCommand implements Callable<Integer> {

    static final int NOT_ACTIVE = 3;

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", arity = "0..*", description = JobCommand.NAMES + " Default: all.")
    List<String> names = new ArrayList<>();

    StatusCommand(Berth.Session session) {
        this.session = session;
    }

    /** One unit to show: the systemd name and the berth unit (for an instance: its template) it belongs to. */
    private record Shown(String name, ManagedUnit unit) {
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        List<Shown> shown = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        boolean allActive = true;
        if (!names.isEmpty()) {
            Targets.Result found = Targets.resolveWithStatus(units, names, false, console);
            if (found.status() != Console.OK) {
                return found.status();
            }
            found.found().forEach(f -> shown.add(new Shown(f.unit(), f.from())));
        }
        try (Systemd systemd = session.connect(manager.user)) {
            if (names.isEmpty()) {
                for (ManagedUnit u : units.units()) {
                    if (u.template()) {
                        instances(systemd, u).forEach(i -> shown.add(new Shown(i, u)));
                    } else if (u.generated().isPresent()) {
                        shown.add(new Shown(u.service(), u));
                    }
                }
            }
            Instant now = session.clock().instant();
            Table table = new Table("UNIT", "STATE", "ENABLED", "PID", "UPTIME", "RESTARTS", "IMAGE", "SOURCE");
            List<String> notes = new ArrayList<>();
            for (Shown s : shown) {
                Optional<UnitState> state = stateOf(systemd, s.name());
                Optional<String> note = note(s, state);
                allActive &= state.map(UnitState::active).orElse(false);
                rows.add(row(s, state, note, now));
                note.ifPresent(n -> notes.add(s.name() + ": " + n));
                table.add(s.name(), state.map(UnitStates::active).orElse("not loaded"),
                        EnabledState.of(s.unit(), s.name()),
                        state.filter(st -> st.mainPid() != 0).map(st -> Long.toString(st.mainPid())).orElse("-"),
                        state.flatMap(st -> UnitStates.uptime(st, now)).map(UnitStates::human).orElse("-"),
                        state.map(st -> Long.toString(st.restarts())).orElse("-"),
                        s.unit().image().orElse("-"), s.unit().source().path());
            }
            if (console.json()) {
                console.document(new Document(rows));
            } else if (shown.isEmpty()) {
                console.out("no units: the search path holds no Quadlet files berth generates units from "
                        + "(see 'berth list')");
            } else {
                table.lines().forEach(console::out);
                notes.forEach(n -> console.out("note: " + n));
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        return names.isEmpty() || allActive ? Console.OK : NOT_ACTIVE;
    }

    /** The loaded instances of a template ({@code echo@*.service}), sorted by name. */
    private static List<String> instances(Systemd systemd, ManagedUnit template) throws SystemdException {
        String service = template.service();
        int at = service.indexOf('@');
        String pattern = service.substring(0, at + 1) + "*" + service.substring(at + 1);
        return systemd.listUnits(List.of(pattern)).stream().map(UnitSummary::name)
                .filter(n -> !n.equals(service)).sorted().toList();
    }

    /** The unit's state; empty when systemd has no such unit. Other failures (no bus, denied) end the command. */
    static Optional<UnitState> stateOf(Systemd systemd, String name) throws SystemdException {
        try {
            return Optional.of(systemd.state(name));
        } catch (SystemdException e) {
            if (e.kind() == SystemdException.Kind.NO_SUCH_UNIT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Whether systemd's unit is berth's: its SourcePath is the Quadlet file. If not, why not, and what to do.
     * Compared as real paths, since systemd may print the path through a symbolic link berth resolved.
     */
    static Optional<String> note(Shown s, Optional<UnitState> state) {
        ManagedUnit u = s.unit();
        String reload = "run 'berth daemon-reload'";
        if (u.generated().isEmpty()) {
            return Optional.of(u.fileName() + " has errors and is not generated; run 'berth check "
                    + u.source().path() + "'");
        }
        if (state.isEmpty() || "not-found".equals(state.get().loadState())) {
            return Optional.of("systemd has no such unit; " + reload + " to generate it");
        }
        Optional<String> source = state.get().sourcePath();
        if (source.isPresent() && samePath(source.get(), u.source().path())) {
            return Optional.empty();
        }
        if (source.isPresent()) {
            return Optional.of("systemd's unit is generated from " + source.get() + ", not from "
                    + u.source().path() + "; " + reload);
        }
        String fragment = state.get().fragmentPath().orElse("nowhere");
        return Optional.of("systemd's unit comes from " + fragment + ", not from " + u.source().path()
                + "; that file shadows berth's unit (remove it, or rename one of them)");
    }

    static boolean managed(Shown s, Optional<UnitState> state) {
        return state.flatMap(UnitState::sourcePath).map(p -> samePath(p, s.unit().source().path())).orElse(false);
    }

    private static boolean samePath(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return SearchPathReal.of(Path.of(a)).equals(SearchPathReal.of(Path.of(b)));
    }

    record Document(List<Row> units) {
    }

    record Row(String name, String source, Optional<String> image, boolean managed, String enabled,
               Optional<String> note, Optional<UnitStates.StateJson> state) {
    }

    private static Row row(Shown s, Optional<UnitState> state, Optional<String> note, Instant now) {
        return new Row(s.name(), s.unit().source().path(), s.unit().image(), managed(s, state),
                EnabledState.of(s.unit(), s.name()), note, state.map(st -> UnitStates.json(st, now)));
    }

    /** A path's real form when it exists, else the path normalised. */
    private static final class SearchPathReal {
        static Path of(Path p) {
            try {
                return p.toRealPath();
            } catch (java.io.IOException e) {
                return p.toAbsolutePath().normalize();
            }
        }
    }
}
