package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.freedesktop.dbus.connections.impl.DirectConnection;
import org.freedesktop.dbus.connections.impl.DirectConnectionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.systemd.BusAddress.Route;
import dev.berth.systemd.fake.FakeSystemd;

/**
 * The peer-to-peer route (systemd's private socket, no bus daemon, no bus names): the fake listens on a socket
 * named like systemd's, and one client does a round of jobs, properties and a reload through it. dbus-java's
 * peer server takes a single client, so this is one test rather than the whole contract.
 */
@Timeout(60)
class FakeSystemdPeerTest {

    @Test
    void jobsPropertiesAndReloadWorkStraightToSystemd(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("systemd/private");
        Files.createDirectories(socket.getParent());
        CountDownLatch served = new CountDownLatch(1);
        CompletableFuture<FakeSystemd> fake = new CompletableFuture<>();
        Thread server = Thread.ofPlatform().daemon().start(() -> {
            try (DirectConnection connection = DirectConnectionBuilder
                    .forAddress("unix:path=" + socket + ",listen=true").build()) {
                fake.complete(FakeSystemd.export(connection, FakeSystemd.contractUnits()));
                connection.listen();
                served.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                fake.completeExceptionally(e);
            }
        });
        fake.get(10, TimeUnit.SECONDS);
        waitForSocket(socket);

        BusAddress address = BusAddress.given(socket.toString(), BusScope.SYSTEM, "test");
        assertEquals(Route.SYSTEMD_PEER, address.route());
        try (Systemd systemd = DbusSystemd.connect(address, SystemdOptions.defaults()
                .withJobTimeout(Duration.ofSeconds(20)))) {
            assertEquals("systemd's private socket at " + socket, systemd.address().describe());
            assertEquals(JobResult.DONE, systemd.start(ContractUnits.DAEMON));
            assertTrue(systemd.state(ContractUnits.DAEMON).mainPid() > 0);
            assertEquals(JobResult.FAILED, systemd.start(ContractUnits.FAILS));
            assertEquals(SystemdException.Kind.NO_SUCH_UNIT,
                    assertThrows(SystemdException.class, () -> systemd.start(ContractUnits.MISSING)).kind());
            systemd.daemonReload();
            assertEquals(1, fake.get().reloadsFinished());
        } finally {
            served.countDown();
            fake.get().shutdown();
            server.join(5_000);
        }
    }

    private static void waitForSocket(Path socket) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
    }
}
