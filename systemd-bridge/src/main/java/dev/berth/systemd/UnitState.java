package dev.berth.systemd;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one unit's properties, read from {@code org.freedesktop.systemd1.Unit} and, for services,
 * {@code org.freedesktop.systemd1.Service}. Service-only numbers are 0 for other unit types.
 *
 * @param name                 the unit's primary name ("web.service")
 * @param description          Description=
 * @param loadState            "loaded", "not-found", "masked", "error", ...
 * @param activeState          "active", "inactive", "failed", "activating", ...
 * @param subState             type-specific: "running", "exited", "dead", ...
 * @param result               the service's Result: "success", "exit-code", "signal", "timeout", ... ("" if none)
 * @param mainPid              MainPID, 0 when no main process
 * @param restarts             NRestarts: automatic restarts since the last manual start
 * @param execMainStatus       exit status (or signal number) of the last main process
 * @param activeEnterTimestamp when the unit last became active; empty if never
 * @param fragmentPath         the unit file systemd loaded (for berth's units: the generated file)
 * @param sourcePath           the file the unit was generated from (for berth's units: the .container file)
 * @param needDaemonReload     NeedDaemonReload: a file under the unit (its fragment, drop-ins or SourcePath) changed
 *                             on disk since systemd loaded it
 */
public record UnitState(String name, String description, String loadState, String activeState, String subState,
                        String result, long mainPid, long restarts, int execMainStatus,
                        Optional<Instant> activeEnterTimestamp, Optional<String> fragmentPath,
                        Optional<String> sourcePath, boolean needDaemonReload) {

    /** A state without {@code NeedDaemonReload} (false). */
    public UnitState(String name, String description, String loadState, String activeState, String subState,
                     String result, long mainPid, long restarts, int execMainStatus,
                     Optional<Instant> activeEnterTimestamp, Optional<String> fragmentPath,
                     Optional<String> sourcePath) {
        this(name, description, loadState, activeState, subState, result, mainPid, restarts, execMainStatus,
                activeEnterTimestamp, fragmentPath, sourcePath, false);
    }

    public boolean active() {
        return "active".equals(activeState);
    }

    public boolean failed() {
        return "failed".equals(activeState);
    }
}
