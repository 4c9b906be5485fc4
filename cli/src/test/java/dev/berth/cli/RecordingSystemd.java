package dev.berth.cli;

import dev.berth.systemd.BusAddress;
import dev.berth.systemd.BusScope;
import dev.berth.systemd.JobKind;
import dev.berth.systemd.JobOutcome;
import dev.berth.systemd.JobResult;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import dev.berth.systemd.UnitSummary;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link Systemd} for the apply and remove tests: units have an active state that jobs change, and
 * every call that changes something (reload, jobs, reset) is written to {@link #calls()} as one line, e.g.
 * "daemon-reload", "restart web.service db.service". State reads are recorded as "state web.service".
 */
final class RecordingSystemd implements Systemd {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> activeStates = new HashMap<>();
    private final Map<String, JobResult> failing = new HashMap<>();
    private Optional<SystemdException> reloadFailure = Optional.empty();
    /** Units systemd has not loaded yet; a successful reload loads them (the generator made them). */
    private final java.util.Set<String> unloaded = new java.util.HashSet<>();
    /** NeedDaemonReload=yes: the files under a unit changed since the last successful reload. */
    private final java.util.Set<String> outOfDate = new java.util.HashSet<>();
    private int connections;

    /** A factory that hands out this instance (and counts the connections). */
    SystemdFactory factory() {
        return scope -> {
            connections++;
            calls.add("connect " + scope.name().toLowerCase());
            return this;
        };
    }

    /** A factory whose bus cannot be reached. */
    static SystemdFactory unreachable() {
        return scope -> {
            throw new SystemdException(SystemdException.Kind.BUS_UNREACHABLE, "cannot reach the system bus",
                    Optional.of("is dbus running?"));
        };
    }

    RecordingSystemd unit(String name, String activeState) {
        activeStates.put(name, activeState);
        return this;
    }

    RecordingSystemd failing(String name, JobResult result) {
        failing.put(name, result);
        return this;
    }

    RecordingSystemd reloadFails() {
        reloadFailure = Optional.of(new SystemdException(SystemdException.Kind.ACCESS_DENIED,
                "permission denied", Optional.empty()));
        return this;
    }

    /** The next reloads succeed again. */
    RecordingSystemd reloadWorks() {
        reloadFailure = Optional.empty();
        return this;
    }

    /** systemd reports NeedDaemonReload=yes for {@code unit} until the next successful reload. */
    RecordingSystemd needsReload(String unit) {
        outOfDate.add(unit);
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls that change something: no connects, no state reads. */
    List<String> actions() {
        return calls().stream().filter(c -> !c.startsWith("connect ") && !c.startsWith("state ")
                && !c.startsWith("list ")).toList();
    }

    int connections() {
        return connections;
    }

    String activeState(String unit) {
        return activeStates.getOrDefault(unit, "inactive");
    }

    void clear() {
        calls.clear();
    }

    @Override
    public BusAddress address() {
        return new BusAddress("unix:path=/nonexistent/bus", BusScope.SYSTEM, BusAddress.Route.MESSAGE_BUS, "a test");
    }

    @Override
    public void daemonReload() throws SystemdException {
        calls.add("daemon-reload");
        if (reloadFailure.isPresent()) {
            // What systemd loaded is now older than the files on disk.
            outOfDate.addAll(activeStates.keySet());
            throw reloadFailure.get();
        }
        outOfDate.clear();
        for (String u : unloaded) {
            activeStates.putIfAbsent(u, "inactive");
        }
        unloaded.clear();
    }

    @Override
    public List<JobOutcome> runAll(JobKind kind, List<String> units) {
        calls.add(kind.verb() + " " + String.join(" ", units));
        List<JobOutcome> out = new ArrayList<>();
        for (String u : units) {
            JobResult r = failing.getOrDefault(u, JobResult.DONE);
            if (r.succeeded()) {
                activeStates.put(u, kind == JobKind.STOP ? "inactive" : "active");
            } else if (kind != JobKind.STOP) {
                activeStates.put(u, "failed");
            }
            out.add(JobOutcome.ended(u, kind, r));
        }
        return out;
    }

    @Override
    public void resetFailed(String unit) {
        calls.add("reset-failed " + unit);
        if ("failed".equals(activeStates.get(unit))) {
            activeStates.put(unit, "inactive");
        }
    }

    @Override
    public String getUnit(String unit) throws SystemdException {
        return "/org/freedesktop/systemd1/unit/" + unit.replace(".", "_2e");
    }

    @Override
    public String loadUnit(String unit) {
        return "/org/freedesktop/systemd1/unit/" + unit.replace(".", "_2e");
    }

    @Override
    public UnitState state(String unit) throws SystemdException {
        calls.add("state " + unit);
        String active = activeStates.get(unit);
        if (active == null) {
            unloaded.add(unit);
            throw new SystemdException(SystemdException.Kind.NO_SUCH_UNIT, "unit " + unit + " does not exist",
                    Optional.empty());
        }
        return new UnitState(unit, "", "loaded", active, active.equals("active") ? "running" : "dead", "success",
                0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), outOfDate.contains(unit));
    }

    @Override
    public List<UnitSummary> listUnits(List<String> patterns) {
        calls.add("list " + String.join(" ", patterns));
        List<UnitSummary> out = new ArrayList<>();
        for (Map.Entry<String, String> e : activeStates.entrySet()) {
            for (String p : patterns) {
                if (FileSystems.getDefault().getPathMatcher("glob:" + p).matches(java.nio.file.Path.of(e.getKey()))) {
                    out.add(new UnitSummary(e.getKey(), "", "loaded", e.getValue(), "", "/x"));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(UnitSummary::name));
        return out;
    }

    @Override
    public void close() {
        // One shared instance for the whole test.
    }
}
