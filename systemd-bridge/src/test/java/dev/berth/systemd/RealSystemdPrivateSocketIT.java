package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;

/**
 * The contract against the test host's systemd through its private socket (root only, no dbus-daemon), the
 * last candidate of the system search. The socket is found next to the system bus socket given in
 * {@code berth.testhost.bus}: {@code .../run/dbus/system_bus_socket} becomes {@code .../run/systemd/private}.
 *
 * <p>This one must run inside the test host (nsenter, with the JDK bind-mounted there): systemd refuses private
 * connections from a peer whose credentials it cannot map into its namespaces ("Incoming private connection from
 * unprivileged client, refusing"), which is every process outside. Run that way against systemd 257 (Debian 13
 * test host), it passed, as did {@link RealSystemdIT} both inside and from the host through /proc/PID/root.
 */
@Tag("e2e")
class RealSystemdPrivateSocketIT extends RealSystemdIT {

    private static final String BUS_SOCKET = "/run/dbus/system_bus_socket";

    @Override
    protected String busAddress() {
        String bus = super.busAddress();
        if (!bus.endsWith(BUS_SOCKET)) {
            return fail(BUS_PROPERTY + " must end with " + BUS_SOCKET + " to find systemd's private socket: " + bus);
        }
        return bus.substring(0, bus.length() - BUS_SOCKET.length()) + "/run/systemd/private";
    }
}
