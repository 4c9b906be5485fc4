package dev.berth.systemd;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.berth.systemd.BusAddress.Route;
import dev.berth.systemd.BusCandidate.AddressVariable;
import dev.berth.systemd.BusCandidate.Applies;
import dev.berth.systemd.BusCandidate.Candidacy;
import dev.berth.systemd.BusCandidate.GivenAddress;
import dev.berth.systemd.BusCandidate.SocketFile;

/**
 * The ordered candidates for reaching one systemd instance. The first candidate that applies and connects wins;
 * the next ones are tried only when an earlier one applies but cannot be reached.
 *
 * <p>An address the user gives replaces the whole list: silently falling back to another bus would manage the
 * wrong systemd.
 *
 * @param scope      the system manager or the user's manager
 * @param candidates in order of preference
 */
public record BusSearch(BusScope scope, List<BusCandidate> candidates) {

    public static final String SYSTEM_BUS_SOCKET = "/run/dbus/system_bus_socket";
    public static final String SYSTEMD_PRIVATE_SOCKET = "/run/systemd/private";

    public BusSearch {
        candidates = List.copyOf(candidates);
    }

    /** {@code DBUS_SYSTEM_BUS_ADDRESS}, {@value #SYSTEM_BUS_SOCKET}, then {@value #SYSTEMD_PRIVATE_SOCKET} (root). */
    public static BusSearch system() {
        return new BusSearch(BusScope.SYSTEM, List.of(
                new AddressVariable("DBUS_SYSTEM_BUS_ADDRESS", BusScope.SYSTEM),
                SocketFile.fixed(SYSTEM_BUS_SOCKET, BusScope.SYSTEM, Route.MESSAGE_BUS, false),
                SocketFile.fixed(SYSTEMD_PRIVATE_SOCKET, BusScope.SYSTEM, Route.SYSTEMD_PEER, true)));
    }

    /** {@code DBUS_SESSION_BUS_ADDRESS}, {@code $XDG_RUNTIME_DIR/bus}, then {@code $XDG_RUNTIME_DIR/systemd/private}. */
    public static BusSearch user() {
        return new BusSearch(BusScope.USER, List.of(
                new AddressVariable("DBUS_SESSION_BUS_ADDRESS", BusScope.USER),
                SocketFile.inRuntimeDirectory("bus", BusScope.USER, Route.MESSAGE_BUS),
                SocketFile.inRuntimeDirectory("systemd/private", BusScope.USER, Route.SYSTEMD_PEER)));
    }

    /** Exactly the given address (a D-Bus address or a socket path). */
    public static BusSearch given(String address, BusScope scope) {
        return new BusSearch(scope, List.of(new GivenAddress(address, scope)));
    }

    /** What the command line asks for: the given address if any, else the system or user search. */
    public static BusSearch of(BusScope scope, Optional<String> givenAddress) {
        return givenAddress.map(a -> given(a, scope)).orElseGet(() -> scope == BusScope.USER ? user() : system());
    }

    /** Every candidate's verdict, in order. */
    public List<Candidacy> consider(HostEnvironment host) {
        return candidates.stream().map(c -> c.consider(host)).toList();
    }

    /** The addresses to try, in order. */
    public List<BusAddress> applicable(HostEnvironment host) {
        return consider(host).stream()
                .flatMap(c -> c instanceof Applies a ? Stream.of(a.address()) : Stream.empty())
                .toList();
    }
}
