package dev.berth.systemd;

import java.util.List;

/**
 * What berth asks of a systemd manager (the system one or a user's). Deliberately narrow: the CLI and the tests
 * depend on this, not on D-Bus. {@link DbusSystemd} implements it over D-Bus.
 *
 * <p>Job methods wait until systemd reports the job's end (the {@code JobRemoved} signal) or until the configured
 * deadline, and notice a lost connection while waiting: they never hang. Failures before a job exists (unit not
 * found, permission denied, bus unreachable) are {@link SystemdException}s; how a job ended is a
 * {@link JobResult}.
 */
public interface Systemd extends AutoCloseable {

    /** The bus this instance talks to, for messages. */
    BusAddress address();

    /**
     * {@code systemctl daemon-reload}: re-runs the generators and reloads unit files. Returns once the reload has
     * finished, not merely once it was requested.
     */
    void daemonReload() throws SystemdException;

    /**
     * Queues one job per unit, all at once (systemd runs them concurrently), then waits for all of them under one
     * shared deadline. Returns one outcome per distinct unit, in the given order. Per-unit refusals (no such unit,
     * masked, permission denied) are outcomes, not exceptions.
     *
     * @throws SystemdException only when nothing could be asked at all (e.g. the connection is gone)
     */
    List<JobOutcome> runAll(JobKind kind, List<String> units) throws SystemdException;

    /**
     * {@link #runAll(JobKind, List)} with its own wait: at most {@code wait} for the jobs to end (then
     * {@link JobResult#WAIT_EXPIRED}); with an empty {@code wait}, queue them and return at once, each queued job
     * {@link JobResult#QUEUED} ({@code systemctl --no-block}).
     */
    List<JobOutcome> runAll(JobKind kind, List<String> units, java.util.Optional<java.time.Duration> wait)
            throws SystemdException;

    /** {@code ResetFailedUnit}: clears the failed state and the restart counter. Creates no job. */
    void resetFailed(String unit) throws SystemdException;

    /** The object path of a loaded unit; NO_SUCH_UNIT if systemd has not loaded it. */
    String getUnit(String unit) throws SystemdException;

    /** The object path of a unit, loading its file if needed (the unit may turn out "not-found"). */
    String loadUnit(String unit) throws SystemdException;

    /** The unit's current properties; NO_SUCH_UNIT if it has no unit file and is not running. */
    UnitState state(String unit) throws SystemdException;

    /** Loaded units whose names match any of the glob patterns (all loaded units if the list is empty). */
    List<UnitSummary> listUnits(List<String> patterns) throws SystemdException;

    /** Closes the connection. Idempotent. */
    @Override
    void close();

    default List<JobOutcome> startAll(List<String> units) throws SystemdException {
        return runAll(JobKind.START, units);
    }

    default JobResult start(String unit) throws SystemdException {
        return only(runAll(JobKind.START, List.of(unit)));
    }

    default JobResult stop(String unit) throws SystemdException {
        return only(runAll(JobKind.STOP, List.of(unit)));
    }

    default JobResult restart(String unit) throws SystemdException {
        return only(runAll(JobKind.RESTART, List.of(unit)));
    }

    /** {@code ReloadUnit}: the unit's ExecReload=, not a daemon reload. */
    default JobResult reload(String unit) throws SystemdException {
        return only(runAll(JobKind.RELOAD, List.of(unit)));
    }

    private static JobResult only(List<JobOutcome> outcomes) throws SystemdException {
        JobOutcome outcome = outcomes.get(0);
        if (outcome.refusal().isPresent()) {
            throw outcome.refusal().get();
        }
        return outcome.result();
    }
}
