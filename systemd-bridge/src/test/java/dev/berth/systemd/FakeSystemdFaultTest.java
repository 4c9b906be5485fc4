package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.systemd.SystemdException.Kind;
import dev.berth.systemd.fake.FakeBus;
import dev.berth.systemd.fake.FakeSystemd;

/**
 * What the real systemd does only rarely, provoked with the fake: permission refusals, the job signal racing
 * the reply, a reload answered early, systemd or the bus disappearing mid-wait, unreachable sockets. Each test
 * gets a fresh bus, since some of them break it.
 */
@Timeout(60)
class FakeSystemdFaultTest {

    private static final SystemdOptions PATIENT = SystemdOptions.defaults().withJobTimeout(Duration.ofSeconds(30));

    private FakeBus bus;

    @BeforeEach
    void startBus() throws Exception {
        bus = FakeBus.withContractUnits();
    }

    @AfterEach
    void stopBus() throws Exception {
        bus.close();
    }

    private DbusSystemd connect(SystemdOptions options) throws SystemdException {
        return DbusSystemd.connect(BusAddress.given(bus.address(), BusScope.SYSTEM, "test"), options);
    }

    @Test
    void connectingSubscribesToSystemdsSignals() throws SystemdException {
        try (Systemd systemd = connect(PATIENT)) {
            assertTrue(bus.systemd().subscribed());
            assertEquals(bus.address(), systemd.address().address());
        }
    }

    @Test
    void aRefusedCallerIsToldItIsAPermissionProblem() throws SystemdException {
        try (Systemd systemd = connect(PATIENT)) {
            SystemdException e = assertThrows(SystemdException.class,
                    () -> systemd.start(FakeSystemd.FORBIDDEN_UNIT));

            assertEquals(Kind.ACCESS_DENIED, e.kind());
            assertTrue(e.getMessage().startsWith("permission denied: cannot start berth-contract-forbidden.service"
                    + " through the system bus at "), e.getMessage());
            assertTrue(e.fix().orElseThrow().contains("--user"));
        }
    }

    @Test
    void aJobSignalThatOvertakesTheReplyIsNotMissed() throws SystemdException {
        bus.systemd().signalBeforeReply(true);
        try (Systemd systemd = connect(PATIENT)) {
            long started = System.nanoTime();

            assertEquals(JobResult.DONE, systemd.start(ContractUnits.OK));
            assertEquals(JobResult.FAILED, systemd.start(ContractUnits.FAILS));

            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "waited for a missed signal");
        }
    }

    @Test
    void aReloadAnsweredBeforeItFinishedIsStillAwaited() throws SystemdException {
        bus.systemd().replyBeforeReloadFinishes(Duration.ofMillis(600));
        try (Systemd systemd = connect(PATIENT)) {
            systemd.daemonReload();

            assertEquals(1, bus.systemd().reloadsFinished());
        }
    }

    @Test
    void systemdLeavingTheBusDuringAWaitEndsItAsConnectionLost() throws Exception {
        try (Systemd systemd = connect(PATIENT)) {
            CompletableFuture<JobResult> result = startInBackground(systemd, ContractUnits.SLOW);
            Thread.sleep(300);
            long left = System.nanoTime();

            bus.systemdLeaves();

            assertEquals(JobResult.CONNECTION_LOST, result.get(10, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - left < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void theBusDyingDuringAWaitEndsItAsConnectionLostAndLaterCallsSaySo() throws Exception {
        try (Systemd systemd = connect(PATIENT)) {
            CompletableFuture<JobResult> result = startInBackground(systemd, ContractUnits.SLOW);
            Thread.sleep(300);

            bus.busDies();

            assertEquals(JobResult.CONNECTION_LOST, result.get(10, TimeUnit.SECONDS));
            SystemdException later = assertThrows(SystemdException.class, () -> systemd.state(ContractUnits.OK));
            assertEquals(Kind.CONNECTION_LOST, later.kind());
            assertTrue(later.getMessage().startsWith("lost the connection to systemd (the system bus at "),
                    later.getMessage());
            SystemdException jobs = assertThrows(SystemdException.class, () -> systemd.start(ContractUnits.OK));
            assertEquals(Kind.CONNECTION_LOST, jobs.kind());
        }
    }

    @Test
    void aBusWithoutSystemdOnItSaysSo() throws Exception {
        bus.systemdLeaves();
        Thread.sleep(200);

        SystemdException e = assertThrows(SystemdException.class, () -> connect(PATIENT));

        assertEquals(Kind.BUS_UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("systemd is not on the system bus at "), e.getMessage());
    }

    @Test
    void aMissingSocketIsUnreachableAndNamesThePath(@TempDir Path dir) {
        Path socket = dir.resolve("no-bus-here");

        SystemdException e = assertThrows(SystemdException.class, () -> DbusSystemd.connect(
                BusAddress.given(socket.toString(), BusScope.SYSTEM, "test"), PATIENT));

        assertEquals(Kind.BUS_UNREACHABLE, e.kind());
        assertEquals("cannot reach the system bus at " + socket + ": no such socket; is dbus running?",
                e.getMessage());
    }

    @Test
    void aSocketNobodyListensOnIsConnectionRefused(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("dead-bus");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));

        SystemdException e = assertThrows(SystemdException.class, () -> DbusSystemd.connect(
                BusAddress.given(socket.toString(), BusScope.SYSTEM, "test"), PATIENT));

        assertEquals("cannot reach the system bus at " + socket + ": connection refused; is dbus running?",
                e.getMessage());
    }

    @Test
    void theSearchConnectsThroughTheFirstCandidateThatAnswers(@TempDir Path dir) throws SystemdException {
        String dead = dir.resolve("dead").toString();
        HostEnvironment host = new HostEnvironment(Map.of(), 0, p -> true);
        BusSearch search = new BusSearch(BusScope.SYSTEM, java.util.List.of(
                new BusCandidate.GivenAddress(dead, BusScope.SYSTEM),
                new BusCandidate.GivenAddress(bus.address(), BusScope.SYSTEM)));

        try (Systemd systemd = DbusSystemd.connect(search, host, PATIENT)) {
            assertEquals(bus.address(), systemd.address().address());
            assertEquals(JobResult.DONE, systemd.start(ContractUnits.OK));
        }
    }

    @Test
    void whenNoCandidateAnswersTheErrorNamesThePreferredOneAndListsTheRest(@TempDir Path dir) {
        HostEnvironment host = new HostEnvironment(Map.of("DBUS_SYSTEM_BUS_ADDRESS",
                "unix:path=" + dir.resolve("nope")), 1000, p -> false);

        SystemdException e = assertThrows(SystemdException.class,
                () -> DbusSystemd.connect(BusSearch.system(), host, PATIENT));

        assertEquals(Kind.BUS_UNREACHABLE, e.kind());
        assertEquals("cannot reach the system bus at " + dir.resolve("nope") + ": no such socket (tried"
                + " DBUS_SYSTEM_BUS_ADDRESS: no such socket; /run/dbus/system_bus_socket: does not exist;"
                + " /run/systemd/private: needs root); is dbus running?", e.getMessage());
    }

    @Test
    void whenNoCandidateAppliesTheErrorSaysWhereTheSystemBusShouldBe() {
        HostEnvironment bare = new HostEnvironment(Map.of(), 1000, p -> false);

        SystemdException e = assertThrows(SystemdException.class,
                () -> DbusSystemd.connect(BusSearch.system(), bare, PATIENT));

        assertEquals("cannot reach the system bus at /run/dbus/system_bus_socket: no socket found (tried"
                + " DBUS_SYSTEM_BUS_ADDRESS: not set; /run/dbus/system_bus_socket: does not exist;"
                + " /run/systemd/private: needs root); is dbus running?", e.getMessage());
    }

    private static CompletableFuture<JobResult> startInBackground(Systemd systemd, String unit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return systemd.start(unit);
            } catch (SystemdException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
