package dev.berth.systemd.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.freedesktop.dbus.bin.EmbeddedDBusDaemon;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

import dev.berth.systemd.dbus.Systemd1Manager;

/**
 * A private message bus (dbus-java's embedded daemon on a unix socket in a temp directory) with a
 * {@link FakeSystemd} on it under the name org.freedesktop.systemd1. No external process, no system bus.
 */
public final class FakeBus implements AutoCloseable {

    private final Path directory;
    private final EmbeddedDBusDaemon daemon;
    private final DBusConnection systemdConnection;
    private final FakeSystemd systemd;

    private FakeBus(Path directory, EmbeddedDBusDaemon daemon, DBusConnection systemdConnection,
                    FakeSystemd systemd) {
        this.directory = directory;
        this.daemon = daemon;
        this.systemdConnection = systemdConnection;
        this.systemd = systemd;
    }

    public static FakeBus start(Map<String, FakeSystemd.Behaviour> units) throws Exception {
        Path directory = Files.createTempDirectory("berth-fake-bus");
        String address = "unix:path=" + directory.resolve("bus");
        EmbeddedDBusDaemon daemon = new EmbeddedDBusDaemon(address + ",listen=true");
        daemon.startInBackgroundAndWait(10_000);
        awaitRunning(daemon);
        DBusConnection connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connection.requestBusName(Systemd1Manager.BUS_NAME);
        FakeSystemd systemd = FakeSystemd.export(connection, units);
        return new FakeBus(directory, daemon, connection, systemd);
    }

    /**
     * startInBackgroundAndWait returns once the socket is bound, but the daemon's message thread may not have
     * started yet. If the first client connects before it has, the accept loop sees a daemon that is "not running",
     * stops, and removes the socket: the first client is dropped during Hello and later ones find no socket (seen
     * on a loaded 2-core machine). Waiting for isRunning() closes that window.
     */
    private static void awaitRunning(EmbeddedDBusDaemon daemon) throws InterruptedException {
        for (int i = 0; i < 200 && !daemon.isRunning(); i++) {
            Thread.sleep(10);
        }
        if (!daemon.isRunning()) {
            throw new IllegalStateException("embedded D-Bus daemon did not start");
        }
    }

    public static FakeBus withContractUnits() throws Exception {
        return start(FakeSystemd.contractUnits());
    }

    /** The address a client connects to: {@code unix:path=/tmp/.../bus}. */
    public String address() {
        return "unix:path=" + directory.resolve("bus");
    }

    public FakeSystemd systemd() {
        return systemd;
    }

    /**
     * systemd disappears from the bus; the bus stays up. It gives up its name first: the embedded daemon announces
     * a name's loss (NameOwnerChanged) on ReleaseName, but does not notice a client that merely closed its socket.
     */
    public void systemdLeaves() throws DBusException {
        systemdConnection.releaseBusName(Systemd1Manager.BUS_NAME);
        systemdConnection.disconnect();
    }

    /** The bus daemon itself goes away: every client connection breaks. */
    public void busDies() throws IOException {
        daemon.close();
    }

    @Override
    public void close() throws IOException {
        systemd.shutdown();
        systemdConnection.disconnect();
        daemon.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
