package dev.berth.cli;

import dev.berth.install.ManagedUnit;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import dev.berth.systemd.UnitSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
                    + "state, the file's kind and path. Files with errors are listed as 'not generated': "
                    + "'berth check' says why.",
            "",
            "JSON: {\"units\": [{name, file, kind, source, generated, template, loadState, activeState, "
                    + "subState}]}; the states are null for templates and files that are not generated."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed", "1:systemd cannot be reached", "2:usage error"},
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
        List<Map<String, Object>> rows = new ArrayList<>();
        Table table = new Table("UNIT", "LOAD", "ACTIVE", "KIND", "SOURCE");
        try (Systemd systemd = session.connect(manager.user)) {
            Map<String, UnitSummary> loaded = loaded(systemd, units);
            for (ManagedUnit u : units.units()) {
                Optional<String[]> states = Optional.empty();
                if (u.generated().isPresent() && !u.template()) {
                    UnitSummary s = loaded.get(u.service());
                    if (s != null) {
                        states = Optional.of(new String[] {s.loadState(), s.activeState(), s.subState()});
                    } else {
                        // Not in memory: loading it tells whether systemd has the generated file at all.
                        Optional<UnitState> st = StatusCommand.stateOf(systemd, u.service());
                        states = Optional.of(st.map(x -> new String[] {x.loadState(), x.activeState(), x.subState()})
                                .orElse(new String[] {"not-found", "inactive", "dead"}));
                    }
                }
                String load = u.generated().isEmpty() ? "not generated" : u.template() ? "template"
                        : states.get()[0];
                String active = states.map(s -> s[1] + (s[2].isEmpty() ? "" : " (" + s[2] + ")")).orElse("-");
                table.add(u.service(), load, active, u.source().kind().extension(), u.source().path());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", u.service());
                row.put("file", u.fileName());
                row.put("kind", u.source().kind().extension());
                row.put("source", u.source().path());
                row.put("generated", u.generated().isPresent());
                row.put("template", u.template());
                row.put("loadState", states.map(s -> s[0]).orElse(null));
                row.put("activeState", states.map(s -> s[1]).orElse(null));
                row.put("subState", states.map(s -> s[2]).orElse(null));
                rows.add(row);
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        if (console.json()) {
            console.document(Map.of("units", rows));
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
        return Console.OK;
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
}
