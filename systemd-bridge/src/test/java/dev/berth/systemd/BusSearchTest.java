package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.berth.systemd.BusAddress.Route;
import dev.berth.systemd.BusCandidate.Applies;
import dev.berth.systemd.BusCandidate.Skipped;

/** Choosing a bus: each candidate decides by itself from an injected host, in a fixed order. */
class BusSearchTest {

    private static HostEnvironment host(Map<String, String> env, long uid, String... sockets) {
        Set<Path> existing = Set.of(java.util.Arrays.stream(sockets).map(Path::of).toArray(Path[]::new));
        return new HostEnvironment(env, uid, existing::contains);
    }

    @Test
    void systemSearchPrefersTheVariableThenTheSocketThenSystemdsPrivateSocket() {
        HostEnvironment everything = host(Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/custom/bus"), 0,
                "/run/dbus/system_bus_socket", "/run/systemd/private");

        List<BusAddress> addresses = BusSearch.system().applicable(everything);

        assertEquals(List.of("unix:path=/custom/bus", "unix:path=/run/dbus/system_bus_socket",
                "unix:path=/run/systemd/private"), addresses.stream().map(BusAddress::address).toList());
        assertEquals(List.of(Route.MESSAGE_BUS, Route.MESSAGE_BUS, Route.SYSTEMD_PEER),
                addresses.stream().map(BusAddress::route).toList());
        assertEquals("DBUS_SYSTEM_BUS_ADDRESS", addresses.get(0).origin());
    }

    @Test
    void eachCandidateSaysWhyItDoesNotApply() {
        HostEnvironment bare = host(Map.of(), 1000);

        assertEquals(List.of(
                new Skipped("DBUS_SYSTEM_BUS_ADDRESS", "not set"),
                new Skipped("/run/dbus/system_bus_socket", "does not exist"),
                new Skipped("/run/systemd/private", "needs root")), BusSearch.system().consider(bare));
    }

    @Test
    void systemdsPrivateSocketAppliesToRootOnly() {
        assertEquals(List.of(), BusSearch.system().applicable(host(Map.of(), 1000, "/run/systemd/private")));
        assertEquals(1, BusSearch.system().applicable(host(Map.of(), 0, "/run/systemd/private")).size());
    }

    @Test
    void anAddressVariableWithOnlyAbstractSocketsDoesNotApplyAndSaysWhy() {
        HostEnvironment abstractOnly = host(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:abstract=/tmp/dbus-x"), 1000);

        BusCandidate.Candidacy verdict = BusSearch.user().consider(abstractOnly).get(0);

        assertEquals(new Skipped("DBUS_SESSION_BUS_ADDRESS", "has no unix:path= entry (abstract sockets and TCP"
                + " are not supported): unix:abstract=/tmp/dbus-x"), verdict);
    }

    @Test
    void theFirstUnixPathEntryOfAnAddressListIsUsed() {
        HostEnvironment list = host(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:abstract=/tmp/x;unix:path=/run/user/1000/bus,guid=abc"), 1000);

        Applies applies = (Applies) BusSearch.user().consider(list).get(0);

        assertEquals("unix:path=/run/user/1000/bus,guid=abc", applies.address().address());
        assertEquals(Optional.of("/run/user/1000/bus"), applies.address().socketPath());
    }

    @Test
    void userSearchLooksInTheRuntimeDirectory() {
        HostEnvironment user = host(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), 1000,
                "/run/user/1000/bus", "/run/user/1000/systemd/private");

        List<BusAddress> addresses = BusSearch.user().applicable(user);

        assertEquals(List.of("unix:path=/run/user/1000/bus", "unix:path=/run/user/1000/systemd/private"),
                addresses.stream().map(BusAddress::address).toList());
        assertEquals(Route.SYSTEMD_PEER, addresses.get(1).route());
        assertEquals(BusScope.USER, addresses.get(0).scope());
    }

    @Test
    void withoutXdgRuntimeDirTheUsersRunDirectoryIsAssumed() {
        HostEnvironment sudoed = host(Map.of(), 1001, "/run/user/1001/bus");

        assertEquals(List.of("unix:path=/run/user/1001/bus"),
                BusSearch.user().applicable(sudoed).stream().map(BusAddress::address).toList());
    }

    @Test
    void aGivenAddressReplacesTheWholeSearch() {
        HostEnvironment everything = host(Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/custom/bus"), 0,
                "/run/dbus/system_bus_socket");

        List<BusAddress> addresses = BusSearch.of(BusScope.SYSTEM, Optional.of("/proc/42/root/run/dbus/"
                + "system_bus_socket")).applicable(everything);

        assertEquals(List.of("unix:path=/proc/42/root/run/dbus/system_bus_socket"),
                addresses.stream().map(BusAddress::address).toList());
    }

    @Test
    void givenAddressesAreDescribedForMessages() {
        assertEquals("the system bus at /run/dbus/system_bus_socket",
                BusAddress.given("unix:path=/run/dbus/system_bus_socket", BusScope.SYSTEM, "x").describe());
        BusAddress peer = BusAddress.given("/run/systemd/private", BusScope.SYSTEM, "x");
        assertEquals(Route.SYSTEMD_PEER, peer.route());
        assertEquals("systemd's private socket at /run/systemd/private", peer.describe());
        assertEquals("the user bus at /run/user/1000/bus",
                BusAddress.given("unix:path=/run/user/1000/bus", BusScope.USER, "x").describe());
    }

    @Test
    void escapedBytesInSocketPathsAreDecoded() {
        BusAddress escaped = BusAddress.given("unix:path=/tmp/my%20bus%2dx", BusScope.USER, "x");

        assertEquals(Optional.of("/tmp/my bus-x"), escaped.socketPath());
    }
}
