package dev.berth.systemd;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * One way to reach systemd, which knows by itself whether it applies on this host (like testcontainers' Docker
 * client strategies). {@link BusSearch} holds them in order of preference.
 */
public sealed interface BusCandidate {

    /** Short name for listings of what was tried: "DBUS_SYSTEM_BUS_ADDRESS", "/run/systemd/private". */
    String label();

    /** Whether this candidate applies here and, if so, the address it leads to. */
    Candidacy consider(HostEnvironment host);

    /** The verdict of one candidate. */
    sealed interface Candidacy {
        String label();
    }

    /** The candidate applies: try to connect to {@code address}. */
    record Applies(String label, BusAddress address) implements Candidacy {
    }

    /** The candidate does not apply here, and why ("unset", "no such socket", "needs root"). */
    record Skipped(String label, String reason) implements Candidacy {
    }

    /** An address the user gave (a command-line option or a test property). Always applies. */
    record GivenAddress(String address, BusScope scope) implements BusCandidate {
        @Override
        public String label() {
            return "the given address " + address;
        }

        @Override
        public Candidacy consider(HostEnvironment host) {
            return new Applies(label(), BusAddress.given(address, scope, "the given address"));
        }
    }

    /**
     * An environment variable holding a D-Bus address list ({@code DBUS_SYSTEM_BUS_ADDRESS},
     * {@code DBUS_SESSION_BUS_ADDRESS}). Applies when set and when one of its entries is a {@code unix:path=} socket:
     * the JDK transport berth uses cannot open abstract sockets or TCP.
     */
    record AddressVariable(String variable, BusScope scope) implements BusCandidate {
        @Override
        public String label() {
            return variable;
        }

        @Override
        public Candidacy consider(HostEnvironment host) {
            Optional<String> value = host.variable(variable);
            if (value.isEmpty()) {
                return new Skipped(label(), "not set");
            }
            for (String entry : value.get().split(";")) {
                if (entry.startsWith("unix:") && entry.contains("path=")) {
                    return new Applies(label(), BusAddress.given(entry, scope, variable));
                }
            }
            return new Skipped(label(), "has no unix:path= entry (abstract sockets and TCP are not supported): "
                    + value.get());
        }
    }

    /**
     * A well-known socket file. Applies when the file exists and, for systemd's private socket of the system
     * manager, when running as root (systemd accepts no one else there).
     */
    record SocketFile(String label, Function<HostEnvironment, Path> location, BusScope scope,
                      BusAddress.Route route, boolean rootOnly) implements BusCandidate {

        static SocketFile fixed(String path, BusScope scope, BusAddress.Route route, boolean rootOnly) {
            return new SocketFile(path, host -> Path.of(path), scope, route, rootOnly);
        }

        static SocketFile inRuntimeDirectory(String relative, BusScope scope, BusAddress.Route route) {
            return new SocketFile("$XDG_RUNTIME_DIR/" + relative,
                    host -> host.runtimeDirectory().resolve(relative), scope, route, false);
        }

        @Override
        public Candidacy consider(HostEnvironment host) {
            Path path = location.apply(host);
            if (rootOnly && !host.root()) {
                return new Skipped(label(), "needs root");
            }
            if (!host.socketExists().test(path)) {
                return new Skipped(label(), label().equals(path.toString())
                        ? "does not exist"
                        : path + " does not exist");
            }
            return new Applies(label(), new BusAddress("unix:path=" + path, scope, route, label()));
        }
    }
}
