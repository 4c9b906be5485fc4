package dev.berth.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One concrete way to reach systemd: a D-Bus address, whether it leads through a message bus (dbus-daemon, where
 * systemd owns the name {@code org.freedesktop.systemd1}) or straight to systemd itself (its private peer socket),
 * and where the address came from, so that errors can say what was tried.
 *
 * @param address   a D-Bus address, for example {@code unix:path=/run/dbus/system_bus_socket}
 * @param scope     the system manager or a user's manager
 * @param route     through a message bus, or peer to peer with systemd
 * @param origin    where this address came from, e.g. "DBUS_SYSTEM_BUS_ADDRESS" or "the default system socket"
 */
public record BusAddress(String address, BusScope scope, Route route, String origin) {

    /** How messages reach systemd. */
    public enum Route {
        /** Through dbus-daemon (or dbus-broker): calls name the destination {@code org.freedesktop.systemd1}. */
        MESSAGE_BUS,
        /** systemd's own private socket: one peer, no bus names, no match rules. Root only for the system manager. */
        SYSTEMD_PEER
    }

    public BusAddress {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("empty D-Bus address");
        }
    }

    /**
     * An address as a user would type it: either a D-Bus address ({@code unix:path=...}) or a plain socket path.
     * A path ending in {@code systemd/private} is systemd's peer socket; anything else is taken as a message bus.
     */
    public static BusAddress given(String addressOrPath, BusScope scope, String origin) {
        String address = addressOrPath.startsWith("/") ? "unix:path=" + addressOrPath : addressOrPath;
        BusAddress probe = new BusAddress(address, scope, Route.MESSAGE_BUS, origin);
        boolean peer = probe.socketPath().map(p -> p.endsWith("/systemd/private")).orElse(false);
        return peer ? new BusAddress(address, scope, Route.SYSTEMD_PEER, origin) : probe;
    }

    /** The socket file of the first {@code unix:path=} entry, unescaped; empty for other transports. */
    public Optional<String> socketPath() {
        for (String entry : address.split(";")) {
            if (!entry.startsWith("unix:")) {
                continue;
            }
            for (String pair : entry.substring("unix:".length()).split(",")) {
                if (pair.startsWith("path=")) {
                    return Optional.of(unescape(pair.substring("path=".length())));
                }
            }
        }
        return Optional.empty();
    }

    /** "the system bus at /run/dbus/system_bus_socket", "systemd's private socket at /run/systemd/private". */
    public String describe() {
        String where = socketPath().orElse(address);
        return switch (route) {
            case MESSAGE_BUS -> "the " + scope.noun() + " at " + where;
            case SYSTEMD_PEER -> "systemd's private socket at " + where;
        };
    }

    @Override
    public String toString() {
        return describe() + " (from " + origin + ")";
    }

    /** D-Bus addresses escape bytes as %XX; paths in messages should read as the user would type them. */
    private static String unescape(String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(raw[i]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
