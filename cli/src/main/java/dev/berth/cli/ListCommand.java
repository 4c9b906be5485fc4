package dev.berth.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.install.ManagedUnit;
import dev.berth.spec.Problem;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import dev.berth.systemd.UnitSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth list}. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Lists every unit berth generates from the search path, with systemd's load and active state.",
            "",
            "One line per Quadlet file: the unit's name, its load state (loaded, not-found when systemd has not "
                    + "been reloaded since the file was added, template for foo@.container files), its active "
                    + "state, whether it starts at boot (see berth is-enabled), the file's kind and path. Files "
                    + "with errors are listed as 'not generated': 'berth check' says why.",
            "",
            "Without systemd (no bus, permission denied) the files are still listed, with their states shown as "
                    + "unknown and the reason on standard error.",
            "",
            "JSON: {\"units\": [{name, file, kind, source, generated, template, enabled, loadState, activeState, "
                    + "subState}], \"errors\": [...] when systemd cannot be reached}; the states are null for "
                    + "templates and files that are not generated, \"unknown\" without systemd."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed (also without systemd: states unknown)", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth list", "  berth list --user --format json"})
final class ListCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    ListCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        List<Row> rows = new ArrayList<>();
        Table table = new Table("UNIT", "LOAD", "ACTIVE", "ENABLED", "KIND", "SOURCE");
        // Without systemd (no bus, permission denied, a chroot) the files are still worth listing: states unknown.
        Optional<SystemdException> unreachable = Optional.empty();
        Map<String, String[]> states = new HashMap<>();
        try (Systemd systemd = session.connect(manager.user)) {
            states = states(systemd, units);
        } catch (SystemdException e) {
            unreachable = Optional.of(e);
        }
        for (ManagedUnit u : units.units()) {
            boolean asked = u.generated().isPresent() && !u.template();
            Optional<String[]> st = asked ? Optional.of(states.getOrDefault(u.service(), UNKNOWN)) : Optional.empty();
            String load = u.generated().isEmpty() ? "not generated" : u.template() ? "template" : st.get()[0];
            String active = st.map(x -> x[1] + (x[2].isEmpty() ? "" : " (" + x[2] + ")")).orElse("-");
            String enabled = EnabledState.of(u, u.service());
            table.add(u.service(), load, active, enabled, u.source().kind().extension(), u.source().path());
            rows.add(new Row(u.service(), u.fileName(), u.source().kind().extension(), u.source().path(),
                    u.generated().isPresent(), u.template(), enabled, st.map(x -> x[0]), st.map(x -> x[1]),
                    st.map(x -> x[2])));
        }
        if (console.json()) {
            console.document(new Document(rows, unreachable.map(e -> List.of(Console.error(Console.kindOf(e),
                    Optional.empty(), e.problem() + "; states are unknown", e.fix())))));
        } else if (rows.isEmpty()) {
            console.out("no Quadlet files in the search path" + (units.searchPath().isEmpty() ? " (none of its "
                    + "directories exists)" : ": " + String.join(" ", units.searchPath().stream()
                    .map(Object::toString).toList())));
        } else {
            table.lines().forEach(console::out);
            long broken = units.units().stream().filter(u -> u.generated().isEmpty()).count();
            if (broken > 0) {
                console.note(broken + (broken == 1 ? " file has" : " files have") + " errors and "
                        + (broken == 1 ? "is" : "are") + " not generated; 'berth check" + (manager.user ? " --user"
                        : "") + "' shows them");
            }
        }
        unreachable.ifPresent(e -> {
            if (!console.json()) {
                console.note("berth: " + e.problem() + "; states are shown as unknown");
                e.fix().ifPresent(f -> console.note("  fix: " + f));
            }
        });
        return Console.OK;
    }

    /** What a unit's states are when systemd cannot be asked. */
    private static final String[] UNKNOWN = {"unknown", "unknown", ""};

    /** The load, active and sub state of every generated unit, by name. */
    private static Map<String, String[]> states(Systemd systemd, BerthUnits units) throws SystemdException {
        Map<String, UnitSummary> loaded = loaded(systemd, units);
        Map<String, String[]> out = new HashMap<>();
        for (ManagedUnit u : units.units()) {
            if (u.generated().isEmpty() || u.template()) {
                continue;
            }
            UnitSummary s = loaded.get(u.service());
            if (s != null) {
                out.put(u.service(), new String[] {s.loadState(), s.activeState(), s.subState()});
            } else {
                // Not in memory: loading it tells whether systemd has the generated file at all.
                Optional<UnitState> st = StatusCommand.stateOf(systemd, u.service());
                out.put(u.service(), st.map(x -> new String[] {x.loadState(), x.activeState(), x.subState()})
                        .orElse(new String[] {"not-found", "inactive", "dead"}));
            }
        }
        return out;
    }

    /** One call for all: the units systemd has in memory, by name. */
    private static Map<String, UnitSummary> loaded(Systemd systemd, BerthUnits units) throws SystemdException {
        List<String> names = units.units().stream().filter(u -> u.generated().isPresent() && !u.template())
                .map(ManagedUnit::service).toList();
        Map<String, UnitSummary> byName = new HashMap<>();
        if (names.isEmpty()) {
            return byName;
        }
        for (UnitSummary s : systemd.listUnits(names)) {
            byName.put(s.name(), s);
        }
        return byName;
    }

    /** {@code {"units": [...]}}, and {@code "errors"} when systemd could not be asked (the states are unknown). */
    record Document(List<Row> units, @JsonInclude(JsonInclude.Include.NON_EMPTY) Optional<List<Problem>> errors) {
    }

    /** One Quadlet file: its unit and systemd's states (null for a template or a file with errors). */
    record Row(String name, String file, String kind, String source, boolean generated, boolean template,
               String enabled, Optional<String> loadState, Optional<String> activeState, Optional<String> subState) {
    }
}
