package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import java.time.Instant;
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

/** {@code berth show NAME...}: the unit's properties as {@code Key=Value} lines, as {@code systemctl show}. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Prints a unit's properties as 'Key=Value' lines, as systemctl show.",
            "",
            "One 'Key=Value' per line, a blank line between units: Id, Description, LoadState, ActiveState, SubState, Result, MainPID, "
                    + "NRestarts, ExecMainStatus, ActiveEnterTimestamp, FragmentPath, SourcePath (from systemd) and "
                    + "UnitFileState, Image (from berth's files).",
            "",
            "A unit systemd has not loaded shows LoadState=not-found.",
            "",
            "JSON: {\"units\": [{Id, Description, ...}]}, the same keys, numbers as numbers."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:shown", "1:systemd cannot be reached", "2:usage error", "4:a name is unknown"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth show web", "  berth show -p MainPID --value web", "  berth show -p ActiveState,NRestarts web"})
final class ShowCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Option(names = {"-p", "--property"}, paramLabel = "NAME", split = ",",
            description = "Show only these properties (repeatable, or comma-separated).")
    List<String> properties = new ArrayList<>();

    @Option(names = "--value", description = "Print only the values, without 'Key='.")
    boolean valueOnly;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = JobCommand.NAMES)
    List<String> names = new ArrayList<>();

    ShowCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        Targets.Result resolved = Targets.resolveWithStatus(units, names, false, console);
        if (resolved.status() != Console.OK) {
            return resolved.status();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Systemd systemd = session.connect(manager.user)) {
            boolean first = true;
            for (Found f : resolved.found()) {
                Map<String, Object> props = properties(f, StatusCommand.stateOf(systemd, f.unit()));
                if (!properties.isEmpty()) {
                    props.keySet().retainAll(properties);
                }
                rows.add(props);
                if (console.json()) {
                    continue;
                }
                if (!first) {
                    console.out("");
                }
                first = false;
                props.forEach((k, v) -> console.out((valueOnly ? "" : k + "=") + (v == null ? "" : v)));
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        if (console.json()) {
            console.document(Map.of("units", rows));
        }
        return Console.OK;
    }

    /** systemctl's names and formats; absent values empty (null in JSON). */
    private static Map<String, Object> properties(Found f, Optional<UnitState> state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", f.unit());
        m.put("Description", state.map(UnitState::description).orElse(null));
        m.put("LoadState", state.map(UnitState::loadState).orElse("not-found"));
        m.put("ActiveState", state.map(UnitState::activeState).orElse("inactive"));
        m.put("SubState", state.map(UnitState::subState).orElse("dead"));
        m.put("Result", state.map(UnitState::result).filter(r -> !r.isEmpty()).orElse(null));
        m.put("MainPID", state.map(UnitState::mainPid).orElse(0L));
        m.put("NRestarts", state.map(UnitState::restarts).orElse(0L));
        m.put("ExecMainStatus", state.map(UnitState::execMainStatus).orElse(0));
        m.put("ActiveEnterTimestamp", state.flatMap(UnitState::activeEnterTimestamp).map(Instant::toString)
                .orElse(null));
        m.put("FragmentPath", state.flatMap(UnitState::fragmentPath).orElse(null));
        m.put("SourcePath", state.flatMap(UnitState::sourcePath).orElse(null));
        m.put("UnitFileState", EnabledState.of(f.from(), f.unit()));
        m.put("Image", f.from().image().orElse(null));
        return m;
    }
}
