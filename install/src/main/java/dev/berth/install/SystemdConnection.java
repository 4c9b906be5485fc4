package dev.berth.install;

import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;

/** How the engine reaches the manager whose files it changes; the caller decides which bus. */
@FunctionalInterface
public interface SystemdConnection {

    /** A new connection, which the caller closes. */
    Systemd open() throws SystemdException;
}
