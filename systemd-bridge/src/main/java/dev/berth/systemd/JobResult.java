package dev.berth.systemd;

import java.util.Arrays;

/**
 * How a systemd job ended, as the {@code JobRemoved} signal reports it, plus the two ends that only the waiting
 * side can see: the connection went away, or berth's own deadline passed first.
 */
public enum JobResult {
    DONE("done", "done"),
    /** Nothing to do, e.g. a reload of an inactive unit with conditions unmet; systemctl counts it as success. */
    SKIPPED("skipped", "skipped (nothing to do)"),
    FAILED("failed", "failed"),
    /** systemd's own job timeout (JobTimeoutSec, or the start timeout) expired. */
    TIMEOUT("timeout", "timed out in systemd"),
    CANCELED("canceled", "canceled (replaced by another job, or by a stop)"),
    DEPENDENCY("dependency", "a unit it depends on failed"),
    INVALID("invalid", "not applicable (e.g. reload of an inactive unit)"),
    ASSERT("assert", "an Assert...= condition failed"),
    UNSUPPORTED("unsupported", "not supported on this system"),
    COLLECTED("collected", "the queued job was garbage collected"),
    ONCE("once", "the unit was already started once and cannot start again"),
    FROZEN("frozen", "the unit is frozen"),
    /** A result string this version of berth does not know (a newer systemd). */
    UNKNOWN("", "ended with an unknown result"),
    /** The connection to systemd broke (or systemd left the bus) before the job ended; the job may still run. */
    CONNECTION_LOST(null, "connection to systemd lost before the job ended (the job may still be running)"),
    /** berth's wait expired before systemd reported the job's end; the job is still queued or running. */
    WAIT_EXPIRED(null, "still running when berth stopped waiting"),
    /** Queued and not waited for ({@code --no-block}): systemd accepted the job; how it ends is not known here. */
    QUEUED(null, "queued");

    private final String wireName;
    private final String description;

    JobResult(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The result string of a {@code JobRemoved} signal; unknown strings map to {@link #UNKNOWN}. */
    public static JobResult fromSignal(String result) {
        return Arrays.stream(values())
                .filter(r -> r.wireName != null && !r.wireName.isEmpty() && r.wireName.equals(result))
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** Like systemctl: "done" and "skipped" succeed, everything else is an error. */
    public boolean succeeded() {
        return this == DONE || this == SKIPPED || this == QUEUED;
    }

    /** True when systemd has not told how the job ended (berth gave up, or lost the connection). */
    public boolean undecided() {
        return this == CONNECTION_LOST || this == WAIT_EXPIRED;
    }

    /** One phrase for messages: "failed", "a unit it depends on failed". */
    public String description() {
        return description;
    }
}
