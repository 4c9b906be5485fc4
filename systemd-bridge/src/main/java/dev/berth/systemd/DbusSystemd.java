package dev.berth.systemd;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.connections.impl.DirectConnection;
import org.freedesktop.dbus.connections.impl.DirectConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Peer;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.Variant;

import dev.berth.systemd.SystemdException.Kind;
import dev.berth.systemd.Wait.Outcome;
import dev.berth.systemd.Wait.Probe;
import dev.berth.systemd.dbus.Systemd1Manager;
import dev.berth.systemd.dbus.UnitListEntry;

/**
 * {@link Systemd} over D-Bus with dbus-java (JDK unix-socket transport), either through a message bus or straight
 * to systemd's private socket.
 *
 * <p>Every call is sent asynchronously and its reply awaited through {@link Wait}, with this instance's own
 * timeouts: dbus-java's synchronous calls use one global 20 s timeout, too short for a daemon reload and not
 * aware of a dropped connection. Reading the reply message directly also keeps the D-Bus error name
 * ({@code org.freedesktop.systemd1.NoSuchUnit}), which dbus-java's exceptions no longer carry.
 *
 * <p>Start-up: every {@code berth start} runs this class cold. A {@code switch} over a sealed type makes the JVM
 * spin a class at run time (SwitchBootstraps), which the AOT cache cannot hold, so the paths a job takes test
 * with {@code instanceof} instead.
 */
public final class DbusSystemd implements Systemd {

    private static final String JOB_MODE = "replace";
    private static final Duration OWNER_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PEER_GREETING_ATTEMPT = Duration.ofMillis(500);
    /**
     * dbus-java retries a failed connect every 500 ms until this "timeout" (default 10 s), meant for a server
     * that is still starting. A bus socket that refuses now will refuse in 10 s too: fail at once.
     */
    private static final int ONE_CONNECT_ATTEMPT_MILLIS = 500;
    private static final List<String> UNIT_PROPERTIES = List.of("Id", "Description", "LoadState", "ActiveState",
            "SubState", "ActiveEnterTimestamp", "FragmentPath", "SourcePath", "NeedDaemonReload");
    private static final List<String> SERVICE_PROPERTIES = List.of("Result", "MainPID", "NRestarts",
            "ExecMainStatus");

    private final AbstractConnection connection;
    private final BusAddress address;
    private final SystemdOptions options;
    private final Wait wait;
    private final Systemd1Manager manager;
    private final JobTracker jobs = new JobTracker();
    private final ReloadWatch reloads = new ReloadWatch();
    /** False once systemd's name changed owner on the bus (systemd stopped or restarted). */
    private final AtomicBoolean systemdOnBus = new AtomicBoolean(true);
    private final AtomicLong lastOwnerCheck = new AtomicLong(System.nanoTime());
    /** The bus daemon's own object (org.freedesktop.DBus); null on a peer connection to systemd. */
    private final DBus busDaemon;
    /** systemd's unique bus name; signals from anyone else are ignored. Null on a peer connection. */
    private final AtomicReference<String> systemdSender = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set by dbus-java's disconnect callback when the transport fails (read error, socket closed). */
    private final AtomicBoolean dropped;

    private DbusSystemd(AbstractConnection connection, AtomicBoolean dropped, BusAddress address,
                        SystemdOptions options) throws SystemdException {
        this.connection = connection;
        this.dropped = dropped;
        this.address = address;
        this.options = options;
        this.wait = Wait.onSystemClock(options.probeInterval());
        this.manager = remote(Systemd1Manager.OBJECT_PATH, Systemd1Manager.class);
        try {
            this.busDaemon = connection instanceof DBusConnection bus
                    ? bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    : null;
        } catch (DBusException e) {
            throw protocol("address the bus daemon", e);
        }
    }

    /**
     * Connects to the first candidate of the search that applies and answers. When none does, the error names
     * the preferred candidate and why it failed, and lists the others.
     */
    public static Systemd connect(BusSearch search, HostEnvironment host, SystemdOptions options)
            throws SystemdException {
        List<BusCandidate.Candidacy> verdicts = search.consider(host);
        List<String> tried = new ArrayList<>();
        SystemdException first = null;
        for (BusCandidate.Candidacy verdict : verdicts) {
            // instanceof, not a switch over the sealed type: see the note on start-up at the top of the class.
            if (verdict instanceof BusCandidate.Skipped skipped) {
                tried.add(skipped.label() + ": " + skipped.reason());
            } else if (verdict instanceof BusCandidate.Applies applies) {
                try {
                    return connect(applies.address(), options);
                } catch (SystemdException e) {
                    if (e.kind() == Kind.ACCESS_DENIED) {
                        throw e;
                    }
                    first = first == null ? e : first;
                    tried.add(applies.label() + ": "
                            + (e.getCause() != null ? reasonOf(e.getCause()) : e.problem()));
                }
            }
        }
        String triedList = verdicts.size() > 1 ? " (tried " + String.join("; ", tried) + ")" : "";
        if (first != null) {
            throw new SystemdException(first.kind(), first.problem() + triedList, first.fix(),
                    first.busErrorName(), first.getCause());
        }
        String where = search.scope() == BusScope.SYSTEM ? " at " + BusSearch.SYSTEM_BUS_SOCKET : "";
        throw new SystemdException(Kind.BUS_UNREACHABLE,
                "cannot reach the " + search.scope().noun() + where + ": no socket found" + triedList,
                Optional.of(search.scope().unreachableHint()));
    }

    /** Connects to exactly this address, subscribes to systemd's signals and checks that systemd answers. */
    public static DbusSystemd connect(BusAddress address, SystemdOptions options) throws SystemdException {
        AtomicBoolean dropped = new AtomicBoolean();
        IDisconnectCallback onDisconnect = new IDisconnectCallback() {
            @Override
            public void disconnectOnError(IOException cause) {
                dropped.set(true);
            }

            @Override
            public void exceptionOnTerminate(IOException cause) {
                dropped.set(true);
            }
        };
        AbstractConnection connection;
        try {
            connection = switch (address.route()) {
                case MESSAGE_BUS -> DBusConnectionBuilder.forAddress(address.address()).withShared(false)
                        .withDisconnectCallback(onDisconnect)
                        .transportConfig().withTimeout(ONE_CONNECT_ATTEMPT_MILLIS).back()
                        .build();
                case SYSTEMD_PEER -> DirectConnectionBuilder.forAddress(address.address())
                        .withDisconnectCallback(onDisconnect)
                        .transportConfig().withTimeout(ONE_CONNECT_ATTEMPT_MILLIS).back()
                        .build();
            };
        } catch (DBusException | RuntimeException e) {
            throw unreachable(address, e);
        }
        DbusSystemd systemd = null;
        try {
            systemd = new DbusSystemd(connection, dropped, address, options);
            systemd.listen();
            return systemd;
        } catch (SystemdException | RuntimeException e) {
            if (systemd != null) {
                systemd.close();
            } else {
                connection.disconnect();
            }
            throw e;
        }
    }

    /**
     * On a fresh peer connection the first message sometimes gets no reply at all (seen with dbus-java 5.2.2
     * against systemd 257 on /run/systemd/private: about one connection in fifteen; a message sent a moment later
     * always got one, and a pause before the first message avoided it). So the first message is a Ping, re-sent
     * every half second until answered.
     */
    private void greetPeer() throws SystemdException {
        Peer peer = remote(Systemd1Manager.OBJECT_PATH, Peer.class);
        long attempts = Math.max(1, options.callTimeout().toMillis() / PEER_GREETING_ATTEMPT.toMillis());
        for (long attempt = 1; ; attempt++) {
            DBusAsyncReply<?> ping = send(peer, "Ping", "greet systemd");
            try {
                awaitReply(ping, wait.deadlineIn(PEER_GREETING_ATTEMPT), options.callTimeout(), "greet systemd",
                        Optional.empty());
                return;
            } catch (SystemdException e) {
                if (e.kind() != Kind.NO_REPLY || attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    /** Registers the signal handlers, then asks systemd to send signals: no job can end unseen after this. */
    private void listen() throws SystemdException {
        if (busDaemon == null) {
            greetPeer();
        }
        try {
            connection.addSigHandler(Systemd1Manager.JobRemoved.class, signal -> {
                if (fromSystemd(signal)) {
                    jobs.jobRemoved(signal.getJob().getPath(), signal.getResult());
                }
            });
            connection.addSigHandler(Systemd1Manager.Reloading.class, signal -> {
                if (fromSystemd(signal)) {
                    reloads.reloading(signal.isActive());
                }
            });
        } catch (DBusException e) {
            throw protocol("subscribe to systemd's signals", e);
        }
        call(manager, "Subscribe", options.callTimeout(), "subscribe to systemd's job signals", Optional.empty());
        if (busDaemon != null) {
            Optional<String> owner = ownerOfSystemdName(options.callTimeout());
            if (owner.isEmpty()) {
                throw new SystemdException(Kind.BUS_UNREACHABLE, "systemd left " + address.describe(),
                        Optional.of(address.scope().unreachableHint()));
            }
            systemdSender.set(owner.get());
        }
    }

    /**
     * The unique bus name that owns org.freedesktop.systemd1 now; empty if nobody does. A timeout counts as "no
     * change": a slow bus is not a lost systemd.
     */
    private Optional<String> ownerOfSystemdName(Duration timeout) {
        try {
            DBusAsyncReply<?> reply = connection.callMethodAsync(busDaemon, "GetNameOwner", Systemd1Manager.BUS_NAME);
            Message answer = reply.getCall().getReply(Math.max(1, timeout.toMillis()));
            if (answer == null) {
                return Optional.ofNullable(systemdSender.get());
            }
            if (answer instanceof Error) {
                return Optional.empty();
            }
            return Optional.ofNullable((String) reply.getReply());
        } catch (DBusException | DBusExecutionException e) {
            return Optional.empty();
        }
    }

    private boolean fromSystemd(DBusSignal signal) {
        String expected = systemdSender.get();
        return expected == null || signal.getSource() == null || expected.equals(signal.getSource());
    }

    /**
     * The narrow view {@link Wait} gets of this connection: open, and (on a message bus) systemd still owning its
     * name under the same unique name. If systemd exits or re-executes and comes back as a new bus client, jobs
     * queued with the old one cannot be followed any more. The owner is asked at most once a second; dbus-java's
     * embedded bus (used by the tests) sends NameOwnerChanged without arguments, so that signal cannot be relied on.
     */
    private boolean reachable() {
        if (closed.get() || dropped.get() || !connection.isConnected()) {
            return false;
        }
        if (busDaemon == null || !systemdOnBus.get()) {
            return systemdOnBus.get();
        }
        long now = System.nanoTime();
        long last = lastOwnerCheck.get();
        if (now - last >= OWNER_CHECK_INTERVAL.toNanos() && lastOwnerCheck.compareAndSet(last, now)) {
            boolean same = ownerOfSystemdName(OWNER_CHECK_INTERVAL).equals(Optional.ofNullable(systemdSender.get()));
            if (!same) {
                systemdOnBus.set(false);
            }
        }
        return systemdOnBus.get() && connection.isConnected();
    }

    @Override
    public BusAddress address() {
        return address;
    }

    @Override
    public void daemonReload() throws SystemdException {
        String action = "reload systemd";
        call(manager, "Reload", options.reloadTimeout(), action, Optional.empty());
        // systemd answers Reload once the reload is over; older versions answered first and reloaded after.
        // Two checks make sure either way: wait for Reloading(false) if a reload was seen starting, then make a
        // round trip (systemd answers nothing while it reloads, so any answer means it is done).
        try {
            awaitOrThrow(wait.deadlineIn(options.reloadTimeout()), Probe.of(reloads.finished()), action,
                    options.reloadTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SystemdException.interrupted(action);
        }
        Properties managerProperties = remote(Systemd1Manager.OBJECT_PATH, Properties.class);
        call(managerProperties, "Get", options.callTimeout(), action, Optional.empty(),
                Systemd1Manager.INTERFACE, "Version");
    }

    @Override
    public List<JobOutcome> runAll(JobKind kind, List<String> units) throws SystemdException {
        List<String> distinct = units.stream().distinct().toList();
        if (!reachable()) {
            throw SystemdException.connectionLost("asking to " + kind.verb() + " " + String.join(", ", distinct),
                    address);
        }
        Map<String, JobOutcome> outcomes = new HashMap<>();
        Map<String, String> queued = new LinkedHashMap<>();
        jobs.begin();
        try {
            // Queue every job before waiting for any: systemd runs them concurrently.
            Map<String, DBusAsyncReply<?>> calls = new LinkedHashMap<>();
            for (String unit : distinct) {
                try {
                    calls.put(unit, send(manager, kind.method(), action(kind, unit), unit, JOB_MODE));
                } catch (SystemdException e) {
                    outcomes.put(unit, refusedOrLost(unit, kind, e));
                }
            }
            Wait.Deadline replies = wait.deadlineIn(options.callTimeout());
            for (Map.Entry<String, DBusAsyncReply<?>> call : calls.entrySet()) {
                String unit = call.getKey();
                try {
                    awaitReply(call.getValue(), replies, options.callTimeout(), action(kind, unit),
                            Optional.of(unit));
                    DBusPath job = (DBusPath) converted(call.getValue(), action(kind, unit));
                    queued.put(unit, job.getPath());
                } catch (SystemdException e) {
                    outcomes.put(unit, refusedOrLost(unit, kind, e));
                }
            }
            Wait.Deadline ends = wait.deadlineIn(options.jobTimeout());
            for (Map.Entry<String, String> job : queued.entrySet()) {
                Outcome<String> end = wait.until(ends, Probe.of(jobs.result(job.getValue())), this::reachable);
                JobResult result;
                if (end instanceof Outcome.Arrived<String> arrived) {
                    result = JobResult.fromSignal(arrived.value());
                } else if (end instanceof Outcome.Expired<String>) {
                    result = JobResult.WAIT_EXPIRED;
                } else {
                    result = JobResult.CONNECTION_LOST;
                }
                outcomes.put(job.getKey(), JobOutcome.ended(job.getKey(), kind, result));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SystemdException.interrupted("waiting for " + kind.verb() + " jobs");
        } finally {
            jobs.end(queued.values());
        }
        return distinct.stream().map(outcomes::get).toList();
    }

    /** A broken connection leaves the job's fate open; anything else means systemd did not queue it. */
    private static JobOutcome refusedOrLost(String unit, JobKind kind, SystemdException e) {
        return e.kind() == Kind.CONNECTION_LOST
                ? JobOutcome.ended(unit, kind, JobResult.CONNECTION_LOST)
                : JobOutcome.refused(unit, kind, e);
    }

    @Override
    public void resetFailed(String unit) throws SystemdException {
        call(manager, "ResetFailedUnit", options.callTimeout(), "reset the failed state of " + unit,
                Optional.of(unit), unit);
    }

    @Override
    public String getUnit(String unit) throws SystemdException {
        return ((DBusPath) call(manager, "GetUnit", options.callTimeout(), "find " + unit, Optional.of(unit), unit))
                .getPath();
    }

    @Override
    public String loadUnit(String unit) throws SystemdException {
        return ((DBusPath) call(manager, "LoadUnit", options.callTimeout(), "load " + unit, Optional.of(unit), unit))
                .getPath();
    }

    @Override
    public UnitState state(String unit) throws SystemdException {
        String path = loadUnit(unit);
        Properties properties = remote(path, Properties.class);
        String action = "read the state of " + unit;
        Map<String, Variant<?>> common = allProperties(properties, Systemd1Manager.UNIT_INTERFACE,
                UNIT_PROPERTIES, action, unit);
        String loadState = text(common, "LoadState");
        String activeState = text(common, "ActiveState");
        // A unit whose file is gone but which still runs is worth showing; one that neither exists nor runs is not.
        if ("not-found".equals(loadState) && "inactive".equals(activeState)) {
            throw SystemdException.noSuchUnit(unit, Optional.empty());
        }
        String name = text(common, "Id").isEmpty() ? unit : text(common, "Id");
        Map<String, Variant<?>> service = name.endsWith(".service")
                ? allProperties(properties, Systemd1Manager.SERVICE_INTERFACE, SERVICE_PROPERTIES, action, unit)
                : Map.of();
        long enteredMicros = number(common, "ActiveEnterTimestamp");
        return new UnitState(name, text(common, "Description"), loadState, activeState, text(common, "SubState"),
                text(service, "Result"), number(service, "MainPID"), number(service, "NRestarts"),
                (int) number(service, "ExecMainStatus"),
                enteredMicros <= 0 ? Optional.empty() : Optional.of(Instant.EPOCH.plus(enteredMicros, ChronoUnit.MICROS)),
                Optional.of(text(common, "FragmentPath")).filter(s -> !s.isEmpty()),
                Optional.of(text(common, "SourcePath")).filter(s -> !s.isEmpty()),
                common.get("NeedDaemonReload") != null
                        && Boolean.TRUE.equals(common.get("NeedDaemonReload").getValue()));
    }

    @Override
    public List<UnitSummary> listUnits(List<String> patterns) throws SystemdException {
        Object reply = call(manager, "ListUnitsByPatterns", options.callTimeout(), "list units", Optional.empty(),
                List.of(), List.copyOf(patterns));
        List<UnitSummary> units = new ArrayList<>();
        if (reply instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof UnitListEntry e) {
                    units.add(new UnitSummary(e.getName(), e.getDescription(), e.getLoadState(),
                            e.getActiveState(), e.getSubState(), e.getUnitPath().getPath()));
                }
            }
        }
        return units;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.disconnect();
        }
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /**
     * GetAll of one interface. If dbus-java cannot decode some property of a newer systemd (GetAll returns every
     * property, including exotic types), fall back to reading the needed ones one by one.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Variant<?>> allProperties(Properties properties, String iface, List<String> needed,
                                                  String action, String unit) throws SystemdException {
        try {
            Object all = call(properties, "GetAll", options.callTimeout(), action, Optional.of(unit), iface);
            if (all instanceof Map<?, ?> map) {
                return (Map<String, Variant<?>>) map;
            }
        } catch (SystemdException e) {
            if (e.kind() != Kind.PROTOCOL) {
                throw e;
            }
        }
        Map<String, Variant<?>> some = new HashMap<>();
        for (String name : needed) {
            Object value = call(properties, "Get", options.callTimeout(), action, Optional.of(unit), iface, name);
            some.put(name, value instanceof Variant<?> v ? v : new Variant<>(value));
        }
        return some;
    }

    private static String text(Map<String, Variant<?>> properties, String name) {
        Variant<?> v = properties.get(name);
        return v == null || v.getValue() == null ? "" : v.getValue().toString();
    }

    /** u, i, t properties arrive as UInt32, Integer, UInt64: all are Numbers. */
    private static long number(Map<String, Variant<?>> properties, String name) {
        Variant<?> v = properties.get(name);
        return v != null && v.getValue() instanceof Number n ? n.longValue() : 0;
    }

    // ---- calls -----------------------------------------------------------------------------------------------

    private static String action(JobKind kind, String unit) {
        return kind.verb() + " " + unit;
    }

    /** Sends a call and waits for its reply; returns the converted return value (null for void methods). */
    private Object call(DBusInterface target, String method, Duration timeout, String action,
                        Optional<String> unit, Object... args) throws SystemdException {
        DBusAsyncReply<?> reply = send(target, method, action, args);
        Message answer = awaitReply(reply, wait.deadlineIn(timeout), timeout, action, unit);
        return answer.getSig() == null || answer.getSig().isEmpty() ? null : converted(reply, action);
    }

    private DBusAsyncReply<?> send(DBusInterface target, String method, String action, Object... args)
            throws SystemdException {
        if (!reachable()) {
            throw SystemdException.connectionLost("trying to " + action, address);
        }
        try {
            return connection.callMethodAsync(target, method, args);
        } catch (DBusExecutionException e) {
            if (!connection.isConnected()) {
                throw SystemdException.connectionLost("trying to " + action, address);
            }
            throw protocol(action, e);
        }
    }

    private Message awaitReply(DBusAsyncReply<?> reply, Wait.Deadline deadline, Duration timeout, String action,
                               Optional<String> unit) throws SystemdException {
        Message answer;
        try {
            answer = awaitOrThrow(deadline, replyProbe(reply.getCall()), action, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SystemdException.interrupted(action);
        }
        if (answer instanceof Error error) {
            throw BusErrors.translate(error.getName(), errorText(error), action, unit, address);
        }
        return answer;
    }

    private <T> T awaitOrThrow(Wait.Deadline deadline, Probe<T> probe, String action, Duration timeout)
            throws InterruptedException, SystemdException {
        Outcome<T> end = wait.until(deadline, probe, this::reachable);
        if (end instanceof Outcome.Arrived<T> arrived) {
            return arrived.value();
        }
        if (end instanceof Outcome.Expired<T>) {
            throw SystemdException.noReply("trying to " + action, address, timeout);
        }
        throw SystemdException.connectionLost("waiting to " + action, address);
    }

    /**
     * MethodCall.getReply(0) would block forever (Object.wait(0)), so a zero wait only looks, and every wait is
     * at least 1 ms.
     */
    private static Probe<Message> replyProbe(MethodCall call) {
        return atMost -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (atMost.isZero()) {
                return call.hasReply() ? Optional.ofNullable(call.getReply(1)) : Optional.empty();
            }
            long millis = Math.max(1, (atMost.toNanos() + 999_999) / 1_000_000);
            return Optional.ofNullable(call.getReply(millis));
        };
    }

    private Object converted(DBusAsyncReply<?> reply, String action) throws SystemdException {
        try {
            return reply.getReply();
        } catch (DBusException | DBusExecutionException e) {
            throw protocol(action, e);
        }
    }

    private static String errorText(Error error) {
        try {
            Object[] parameters = error.getParameters();
            return parameters == null || parameters.length == 0 ? "" : String.valueOf(parameters[0]);
        } catch (DBusException e) {
            return "";
        }
    }

    private <T extends DBusInterface> T remote(String path, Class<T> type) throws SystemdException {
        try {
            if (connection instanceof DBusConnection bus) {
                return bus.getRemoteObject(Systemd1Manager.BUS_NAME, path, type);
            }
            if (connection instanceof DirectConnection peer) {
                return peer.getRemoteObject(path, type);
            }
            throw new IllegalStateException("unexpected connection type " + connection.getClass());
        } catch (DBusException e) {
            throw protocol("address " + path, e);
        }
    }

    private SystemdException protocol(String action, Exception e) {
        return new SystemdException(Kind.PROTOCOL,
                "unexpected answer from systemd (" + address.describe() + ") while trying to " + action + ": "
                        + e.getMessage(),
                Optional.empty(), Optional.empty(), e);
    }

    // ---- connection errors -----------------------------------------------------------------------------------

    /** "cannot reach the system bus at /run/dbus/system_bus_socket: connection refused; is dbus running?" */
    static SystemdException unreachable(BusAddress address, Throwable failure) {
        String reason = reasonOf(failure);
        Kind kind = reason.startsWith("permission denied") ? Kind.ACCESS_DENIED : Kind.BUS_UNREACHABLE;
        Optional<String> fix = kind == Kind.ACCESS_DENIED
                ? Optional.of(address.scope() == BusScope.SYSTEM && address.route() == BusAddress.Route.SYSTEMD_PEER
                        ? "systemd's private socket is for root only"
                        : "check the socket's permissions, or run berth as the bus's user")
                : Optional.of(address.scope().unreachableHint());
        return new SystemdException(kind, "cannot reach " + address.describe() + ": " + reason, fix,
                Optional.empty(), failure);
    }

    /** The most telling message in the cause chain, in plain words. */
    static String reasonOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 10; t = t.getCause()) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "no such socket";
            }
            if (t instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        String all = String.join(" / ", messages).toLowerCase(java.util.Locale.ROOT);
        if (all.contains("no such file")) {
            return "no such socket";
        }
        if (all.contains("connection refused")) {
            return "connection refused";
        }
        if (all.contains("permission denied") || all.contains("access denied")) {
            return "permission denied";
        }
        if (all.contains("auth")) {
            return "authentication failed (" + messages.get(messages.size() - 1) + ")";
        }
        return messages.isEmpty() ? failure.getClass().getSimpleName() : messages.get(messages.size() - 1);
    }
}
