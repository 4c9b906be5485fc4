package dev.berth.cli;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        Targets.Result resolved = Targets.resolveWithStatus(session, manager.user, names, false, console);
        if (resolved.status() != Console.OK) {
            return resolved.status();
        }
        List<Row> rows = new ArrayList<>();
        try (Systemd systemd = session.connect(manager.user)) {
            boolean first = true;
            for (Found f : resolved.found()) {
                List<Property> props = properties(f, StatusCommand.stateOf(systemd, f.unit())).stream()
                        .filter(p -> properties.isEmpty() || properties.contains(p.name())).toList();
                if (console.json()) {
                    rows.add(Row.of(props));
                    continue;
                }
                if (!first) {
                    console.out("");
                }
                first = false;
                props.forEach(p -> console.out((valueOnly ? "" : p.name() + "=") + p.value().map(String::valueOf)
                        .orElse("")));
            }
        } catch (SystemdException e) {
            return console.fail(e);
        }
        if (console.json()) {
            console.document(new Document(rows));
        }
        return Console.OK;
    }

    /** One property as systemctl names it, and its value; empty when it has none (empty in text, null in JSON). */
    record Property(String name, Optional<?> value) {
    }

    /** systemctl's names and formats, in the order they are shown. */
    private static List<Property> properties(Found f, Optional<UnitState> state) {
        return List.of(
                new Property("Id", Optional.of(f.unit())),
                new Property("Description", state.map(UnitState::description)),
                new Property("LoadState", Optional.of(state.map(UnitState::loadState).orElse("not-found"))),
                new Property("ActiveState", Optional.of(state.map(UnitState::activeState).orElse("inactive"))),
                new Property("SubState", Optional.of(state.map(UnitState::subState).orElse("dead"))),
                new Property("Result", state.map(UnitState::result).filter(r -> !r.isEmpty())),
                new Property("MainPID", Optional.of(state.map(UnitState::mainPid).orElse(0L))),
                new Property("NRestarts", Optional.of(state.map(UnitState::restarts).orElse(0L))),
                new Property("ExecMainStatus", Optional.of(state.map(UnitState::execMainStatus).orElse(0))),
                new Property("ActiveEnterTimestamp",
                        state.flatMap(UnitState::activeEnterTimestamp).map(Instant::toString)),
                new Property("FragmentPath", state.flatMap(UnitState::fragmentPath)),
                new Property("SourcePath", state.flatMap(UnitState::sourcePath)),
                new Property("UnitFileState", Optional.of(EnabledState.of(f.from(), f.unit()))),
                new Property("Image", f.from().image()));
    }

    /** The JSON answer: one object of properties per unit. */
    record Document(List<Row> units) {
    }

    /**
     * One unit's properties in JSON. Each component is doubly optional: the outer level is whether the property
     * was asked for ({@code -p}; left out when not), the inner one whether it has a value (null when not).
     */
    record Row(@JsonProperty("Id") @JsonInclude(NON_EMPTY) Optional<Optional<?>> id,
               @JsonProperty("Description") @JsonInclude(NON_EMPTY) Optional<Optional<?>> description,
               @JsonProperty("LoadState") @JsonInclude(NON_EMPTY) Optional<Optional<?>> loadState,
               @JsonProperty("ActiveState") @JsonInclude(NON_EMPTY) Optional<Optional<?>> activeState,
               @JsonProperty("SubState") @JsonInclude(NON_EMPTY) Optional<Optional<?>> subState,
               @JsonProperty("Result") @JsonInclude(NON_EMPTY) Optional<Optional<?>> result,
               @JsonProperty("MainPID") @JsonInclude(NON_EMPTY) Optional<Optional<?>> mainPid,
               @JsonProperty("NRestarts") @JsonInclude(NON_EMPTY) Optional<Optional<?>> restarts,
               @JsonProperty("ExecMainStatus") @JsonInclude(NON_EMPTY) Optional<Optional<?>> execMainStatus,
               @JsonProperty("ActiveEnterTimestamp") @JsonInclude(NON_EMPTY)
               Optional<Optional<?>> activeEnterTimestamp,
               @JsonProperty("FragmentPath") @JsonInclude(NON_EMPTY) Optional<Optional<?>> fragmentPath,
               @JsonProperty("SourcePath") @JsonInclude(NON_EMPTY) Optional<Optional<?>> sourcePath,
               @JsonProperty("UnitFileState") @JsonInclude(NON_EMPTY) Optional<Optional<?>> unitFileState,
               @JsonProperty("Image") @JsonInclude(NON_EMPTY) Optional<Optional<?>> image) {

        static Row of(List<Property> shown) {
            java.util.function.Function<String, Optional<Optional<?>>> get = name -> shown.stream()
                    .filter(p -> p.name().equals(name)).findFirst().map(Property::value);
            return new Row(get.apply("Id"), get.apply("Description"), get.apply("LoadState"),
                    get.apply("ActiveState"), get.apply("SubState"), get.apply("Result"), get.apply("MainPID"),
                    get.apply("NRestarts"), get.apply("ExecMainStatus"), get.apply("ActiveEnterTimestamp"),
                    get.apply("FragmentPath"), get.apply("SourcePath"), get.apply("UnitFileState"),
                    get.apply("Image"));
        }
    }
}
