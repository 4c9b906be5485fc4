package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.systemd.BusScope;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyConnectionTest {

    /** A factory that records which scopes were connected to and counts the connections closed. */
    private static final class RecordingFactory implements SystemdFactory {
        final List<BusScope> connected = new ArrayList<>();
        final AtomicInteger closed = new AtomicInteger();
        final CountDownLatch firstConnect = new CountDownLatch(1);
        SystemdException failure;

        @Override
        public synchronized Systemd connect(BusScope scope) throws SystemdException {
            connected.add(scope);
            firstConnect.countDown();
            if (failure != null) {
                throw failure;
            }
            return (Systemd) Proxy.newProxyInstance(Systemd.class.getClassLoader(), new Class<?>[] {Systemd.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closed.incrementAndGet();
                            yield null;
                        }
                        case "toString" -> "connection to " + scope;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        synchronized List<BusScope> connected() {
            return List.copyOf(connected);
        }
    }

    @Test
    void aCommandThatMayNotNeedSystemdGetsThePlainFactory() {
        RecordingFactory direct = new RecordingFactory();
        assertSame(direct, EarlyConnection.forArgs(List.of("generate", "--dryrun"), direct));
        assertSame(direct, EarlyConnection.forArgs(List.of("apply", "site"), direct));
        assertSame(direct, EarlyConnection.forArgs(List.of(), direct));
        assertEquals(List.of(), direct.connected());
    }

    @Test
    void startConnectsToTheSystemManagerBeforeItIsAskedAndHandsThatConnectionOut() throws Exception {
        RecordingFactory direct = new RecordingFactory();
        SystemdFactory early = EarlyConnection.forArgs(List.of("start", "web"), direct);
        assertTrue(direct.firstConnect.await(10, TimeUnit.SECONDS), "connects without being asked");
        Systemd first = early.connect(BusScope.SYSTEM);
        assertEquals(List.of(BusScope.SYSTEM), direct.connected());
        // A second request gets a connection of its own: the early one is handed out once.
        Systemd second = early.connect(BusScope.SYSTEM);
        assertNotSame(first, second);
        assertEquals(List.of(BusScope.SYSTEM, BusScope.SYSTEM), direct.connected());
    }

    @Test
    void userBeforeTheEndOfOptionsMeansTheUserManager() throws Exception {
        RecordingFactory direct = new RecordingFactory();
        SystemdFactory early = EarlyConnection.forArgs(List.of("status", "--user", "web"), direct);
        early.connect(BusScope.USER);
        assertEquals(List.of(BusScope.USER), direct.connected());

        RecordingFactory afterDashes = new RecordingFactory();
        SystemdFactory named = EarlyConnection.forArgs(List.of("start", "--", "--user"), afterDashes);
        named.connect(BusScope.SYSTEM);
        assertEquals(List.of(BusScope.SYSTEM), afterDashes.connected());
    }

    @Test
    void aWrongGuessCostsAConnectionNotAWrongAnswer() throws Exception {
        RecordingFactory direct = new RecordingFactory();
        EarlyConnection early = (EarlyConnection) EarlyConnection.forArgs(List.of("start", "web"), direct);
        assertTrue(direct.firstConnect.await(10, TimeUnit.SECONDS));
        Systemd user = early.connect(BusScope.USER);
        assertEquals("connection to USER", user.toString());
        // The early system connection nobody took is closed at the end.
        early.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (direct.closed.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, direct.closed.get());
    }

    @Test
    void aFailedEarlyConnectionFailsTheFirstConnectWithTheSameException() throws Exception {
        RecordingFactory direct = new RecordingFactory();
        direct.failure = new SystemdException(SystemdException.Kind.BUS_UNREACHABLE, "no bus at all",
                Optional.of("is systemd running?"));
        SystemdFactory early = EarlyConnection.forArgs(List.of("stop", "web"), direct);
        SystemdException e = assertThrows(SystemdException.class, () -> early.connect(BusScope.SYSTEM));
        assertSame(direct.failure, e);
    }

    @Test
    void aTakenConnectionIsTheCommandsToClose() throws Exception {
        RecordingFactory direct = new RecordingFactory();
        EarlyConnection early = (EarlyConnection) EarlyConnection.forArgs(List.of("list"), direct);
        early.connect(BusScope.SYSTEM);
        early.close();
        Thread.sleep(50);
        assertEquals(0, direct.closed.get());
    }
}
