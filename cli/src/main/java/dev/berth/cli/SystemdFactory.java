package dev.berth.cli;

import dev.berth.systemd.BusScope;
import dev.berth.systemd.BusSearch;
import dev.berth.systemd.DbusSystemd;
import dev.berth.systemd.HostEnvironment;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.SystemdOptions;
import java.util.Optional;

/**
 * How the commands reach systemd: the seam tests replace (with a {@link Systemd} on a fake bus). Each call opens
 * a new connection, which the caller closes.
 */
@FunctionalInterface
public interface SystemdFactory {

    /** A connection to the system manager ({@link BusScope#SYSTEM}) or the caller's own ({@link BusScope#USER}). */
    Systemd connect(BusScope scope) throws SystemdException;

    /** The real thing: the usual bus search for the scope, this process's environment, default timeouts. */
    static SystemdFactory dbus() {
        return scope -> DbusSystemd.connect(BusSearch.of(scope, Optional.empty()), HostEnvironment.current(),
                SystemdOptions.defaults());
    }

    /** Exactly one bus address, whatever the scope (tests, or a bus the user names). */
    static SystemdFactory at(String address, SystemdOptions options) {
        return scope -> DbusSystemd.connect(BusSearch.given(address, scope), HostEnvironment.current(), options);
    }
}
