package dev.berth.systemd;

import java.time.Duration;

/**
 * How long berth waits for systemd. Every wait has a deadline; none is infinite.
 *
 * @param callTimeout   a plain method call (sd-bus uses 25 s)
 * @param jobTimeout    from queueing a job until its JobRemoved signal, shared by all jobs of one request
 * @param reloadTimeout a daemon reload, which re-runs every generator (systemctl allows 2 x 90 s)
 * @param probeInterval how often a wait checks that the connection and systemd are still there
 */
public record SystemdOptions(Duration callTimeout, Duration jobTimeout, Duration reloadTimeout,
                             Duration probeInterval) {

    public SystemdOptions {
        for (Duration d : new Duration[] {callTimeout, jobTimeout, reloadTimeout, probeInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
    }

    public static SystemdOptions defaults() {
        return new SystemdOptions(Duration.ofSeconds(25), Duration.ofMinutes(10), Duration.ofMinutes(3),
                Duration.ofMillis(200));
    }

    public SystemdOptions withJobTimeout(Duration timeout) {
        return new SystemdOptions(callTimeout, timeout, reloadTimeout, probeInterval);
    }

    public SystemdOptions withCallTimeout(Duration timeout) {
        return new SystemdOptions(timeout, jobTimeout, reloadTimeout, probeInterval);
    }

    public SystemdOptions withReloadTimeout(Duration timeout) {
        return new SystemdOptions(callTimeout, jobTimeout, timeout, probeInterval);
    }
}
