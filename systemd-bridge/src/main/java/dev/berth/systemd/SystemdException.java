package dev.berth.systemd;

import java.time.Duration;
import java.util.Optional;

/**
 * The one checked exception of the bridge. {@link #kind()} says which failure it is, {@link #problem()} what went
 * wrong, {@link #fix()} how to repair it when known; {@link #getMessage()} joins the two, e.g.
 * "unit web.service does not exist; run 'berth daemon-reload' if you just added it".
 */
public final class SystemdException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failures a caller may want to tell apart (for exit codes, JSON output, retries). */
    public enum Kind {
        /** No bus candidate applied, or none could be connected to. */
        BUS_UNREACHABLE,
        /** systemd or the bus refused the caller: AccessDenied, interactive (polkit) authorization required. */
        ACCESS_DENIED,
        /** The unit is not known to systemd and has no unit file. */
        NO_SUCH_UNIT,
        /** systemd refused the request for another reason (masked unit, job type not applicable, bad unit file). */
        REFUSED,
        /** systemd did not answer a call in time. */
        NO_REPLY,
        /** The connection broke, or systemd left the bus, during a call or a wait. */
        CONNECTION_LOST,
        /** The waiting thread was interrupted. */
        INTERRUPTED,
        /** An answer berth could not understand. */
        PROTOCOL
    }

    private final Kind kind;
    private final String problem;
    private final Optional<String> fix;
    private final Optional<String> busErrorName;

    public SystemdException(Kind kind, String problem, Optional<String> fix, Optional<String> busErrorName,
                            Throwable cause) {
        super(fix.map(f -> problem + "; " + f).orElse(problem), cause);
        this.kind = kind;
        this.problem = problem;
        this.fix = fix;
        this.busErrorName = busErrorName;
    }

    public SystemdException(Kind kind, String problem, Optional<String> fix) {
        this(kind, problem, fix, Optional.empty(), null);
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, without the repair hint. */
    public String problem() {
        return problem;
    }

    /** How to repair it, when known. */
    public Optional<String> fix() {
        return fix;
    }

    /** The D-Bus error name systemd or the bus answered with, if the failure came from an error reply. */
    public Optional<String> busErrorName() {
        return busErrorName;
    }

    static SystemdException noSuchUnit(String unit, Optional<String> busErrorName) {
        return new SystemdException(Kind.NO_SUCH_UNIT, "unit " + unit + " does not exist",
                Optional.of("run 'berth daemon-reload' if you just added it"), busErrorName, null);
    }

    static SystemdException connectionLost(String during, BusAddress bus) {
        return new SystemdException(Kind.CONNECTION_LOST,
                "lost the connection to systemd (" + bus.describe() + ") while " + during,
                Optional.of("systemd may have been re-executed or stopped; check the unit's state and retry"));
    }

    static SystemdException noReply(String during, BusAddress bus, Duration waited) {
        return new SystemdException(Kind.NO_REPLY,
                "systemd did not answer within " + waited.toSeconds() + " s while " + during
                        + " (" + bus.describe() + ")",
                Optional.of("systemd may be busy or hung; check 'systemctl list-jobs'"));
    }

    static SystemdException interrupted(String during) {
        return new SystemdException(Kind.INTERRUPTED, "interrupted while " + during, Optional.empty());
    }
}
