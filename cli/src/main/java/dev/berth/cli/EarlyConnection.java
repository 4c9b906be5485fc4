package dev.berth.cli;

import dev.berth.systemd.BusScope;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@link SystemdFactory} that begins connecting to systemd while picocli is still building its model and parsing
 * the command line. For {@code berth start web}, the connection (dbus-java's classes, the socket, authentication,
 * {@code Hello}) and picocli's reflection are the two largest parts of berth's own start-up, and on a machine with
 * two cores they need not wait for each other (bench/lifecycle/RESULTS.md).
 *
 * <p>Only the commands that always talk to systemd connect early, and only to the manager the command line names
 * ({@code --user} anywhere before {@code --}). The early connection is handed out once, to the first
 * {@link #connect} for that scope; any other request connects as usual, so a wrong guess costs a connection, never a
 * wrong answer. A failed early connection fails that first {@code connect} with the same exception a direct one
 * would have thrown. {@link #close()} closes a connection nobody asked for.
 */
final class EarlyConnection implements SystemdFactory, AutoCloseable {

    /** The commands that connect to systemd whatever their options; the others may not need a connection at all. */
    private static final Set<String> ALWAYS_CONNECT = Set.of("start", "stop", "restart", "reload", "status", "list",
            "daemon-reload");

    private final SystemdFactory direct;
    private final BusScope scope;
    private final CompletableFuture<Systemd> pending;
    private boolean taken;

    private EarlyConnection(SystemdFactory direct, BusScope scope) {
        this.direct = direct;
        this.scope = scope;
        this.pending = new CompletableFuture<>();
        Thread connector = new Thread(this::connectNow, "berth-early-connect");
        // It must never keep the JVM alive: a usage error exits while it may still be connecting.
        connector.setDaemon(true);
        connector.start();
    }

    /**
     * The factory for this command line: connecting early when its command always needs systemd, plainly
     * {@code direct} otherwise.
     */
    static SystemdFactory forArgs(List<String> args, SystemdFactory direct) {
        if (args.isEmpty() || !ALWAYS_CONNECT.contains(args.get(0))) {
            return direct;
        }
        BusScope scope = BusScope.SYSTEM;
        for (String a : args.subList(1, args.size())) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--user")) {
                scope = BusScope.USER;
            }
        }
        return new EarlyConnection(direct, scope);
    }

    private void connectNow() {
        try {
            pending.complete(direct.connect(scope));
        } catch (SystemdException | RuntimeException e) {
            pending.completeExceptionally(e);
        }
    }

    @Override
    public Systemd connect(BusScope wanted) throws SystemdException {
        synchronized (this) {
            if (taken || wanted != scope) {
                return direct.connect(wanted);
            }
            taken = true;
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(Systemd::close);
            throw new IllegalStateException("interrupted while connecting to systemd", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SystemdException se) {
                throw se;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the early connection if no command took it (now, or as soon as it is made). */
    @Override
    public void close() {
        synchronized (this) {
            if (taken) {
                return;
            }
            taken = true;
        }
        pending.thenAccept(Systemd::close);
    }
}
