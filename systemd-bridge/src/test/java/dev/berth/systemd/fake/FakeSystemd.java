package dev.berth.systemd.fake;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.freedesktop.DBus.Error.AccessDenied;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.freedesktop.systemd1.JobTypeNotApplicable;
import org.freedesktop.systemd1.NoSuchUnit;

import dev.berth.systemd.ContractUnits;
import dev.berth.systemd.dbus.Systemd1Manager;
import dev.berth.systemd.dbus.UnitListEntry;

/**
 * A small in-process stand-in for systemd's manager object, exported with dbus-java so that the bridge's real
 * D-Bus code runs against it. It models what the contract relies on: jobs that end asynchronously with a
 * JobRemoved signal (only after Subscribe, like systemd), unit objects with their properties, error replies with
 * systemd's error names, and a daemon reload that announces itself with Reloading(b).
 *
 * <p>Knobs let tests provoke what real systemd does only rarely: the job signal before the call's reply, a
 * reload answered before it finished, a unit the caller may not touch.
 */
public final class FakeSystemd implements Systemd1Manager, Properties {

    /** How a unit behaves when started; mirrors the unit files of {@link ContractUnits}. */
    public enum Behaviour {
        ONESHOT_OK, ONESHOT_FAILS, NEEDS_FAILS, DAEMON, SLOW, FORBIDDEN
    }

    private static final String UNIT_DIR = "/etc/systemd/system/";

    private final AbstractConnection connection;
    private final Map<String, Behaviour> fixtures;
    private final Map<String, FakeUnit> loaded = new ConcurrentHashMap<>();
    /** systemd's main loop: jobs end here, one at a time, after the reply to the call that queued them. */
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-systemd-loop");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong jobIds = new AtomicLong(100);
    private final AtomicInteger pids = new AtomicInteger(4000);
    private final AtomicInteger reloadsFinished = new AtomicInteger();
    /** Pending start jobs of SLOW units, by unit: they end only when the unit is stopped. */
    private final Map<String, Long> slowJobs = new ConcurrentHashMap<>();
    private volatile boolean subscribed;
    private volatile boolean signalBeforeReply;
    private volatile Duration jobDuration = Duration.ofMillis(5);
    private volatile Duration reloadDuration = Duration.ofMillis(20);
    private volatile boolean replyBeforeReloadFinishes;
    private volatile CountDownLatch reloadDone = new CountDownLatch(0);
    /** Units made to look generated (see {@link #generatedFrom}): unit name to its Quadlet source file. */
    private final Map<String, String> generatedFrom = new ConcurrentHashMap<>();

    private FakeSystemd(AbstractConnection connection, Map<String, Behaviour> fixtures) {
        this.connection = connection;
        this.fixtures = Map.copyOf(fixtures);
    }

    /** Exports a fake manager on {@code connection}, whose bus name (if any) the caller has already requested. */
    public static FakeSystemd export(AbstractConnection connection, Map<String, Behaviour> fixtures)
            throws DBusException {
        FakeSystemd fake = new FakeSystemd(connection, fixtures);
        connection.exportObject(OBJECT_PATH, fake);
        return fake;
    }

    /** The behaviours of {@link ContractUnits}, plus one unit the caller may not touch. */
    public static Map<String, Behaviour> contractUnits() {
        return Map.of(
                ContractUnits.OK, Behaviour.ONESHOT_OK,
                ContractUnits.FAILS, Behaviour.ONESHOT_FAILS,
                ContractUnits.NEEDS_FAILS, Behaviour.NEEDS_FAILS,
                ContractUnits.DAEMON, Behaviour.DAEMON,
                ContractUnits.SLOW, Behaviour.SLOW,
                ContractUnits.MANY_TEMPLATE, Behaviour.ONESHOT_OK,
                FORBIDDEN_UNIT, Behaviour.FORBIDDEN);
    }

    public static final String FORBIDDEN_UNIT = "berth-contract-forbidden.service";

    // ---- knobs ----------------------------------------------------------------------------------------------

    /** Emit JobRemoved before replying to the call that queued the job (the race berth must survive). */
    public void signalBeforeReply(boolean value) {
        signalBeforeReply = value;
    }

    /** Answer Reload at once and finish the reload {@code duration} later, as systemd before v2xx did. */
    public void replyBeforeReloadFinishes(Duration duration) {
        replyBeforeReloadFinishes = true;
        reloadDuration = duration;
    }

    public void jobDuration(Duration duration) {
        jobDuration = duration;
    }

    /**
     * Makes a unit look like one a generator made from {@code sourcePath}: FragmentPath in
     * {@value #GENERATOR_DIR}, SourcePath the Quadlet file, as systemd reports berth's units.
     */
    public void generatedFrom(String unit, String sourcePath) {
        generatedFrom.put(unit, sourcePath);
        FakeUnit loadedUnit = loaded.get(unit);
        if (loadedUnit != null) {
            loadedUnit.generated(sourcePath);
        }
    }

    /** Sets a unit's NRestarts, as automatic restarts (Restart=always) would; loads the unit if needed. */
    public void restarts(String unit, long count) {
        load(unit).restarts = count;
    }

    public static final String GENERATOR_DIR = "/run/systemd/generator/";

    public int reloadsFinished() {
        return reloadsFinished.get();
    }

    public boolean subscribed() {
        return subscribed;
    }

    public void shutdown() {
        loop.shutdownNow();
    }

    // ---- org.freedesktop.systemd1.Manager -------------------------------------------------------------------

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    @Override
    public void Subscribe() {
        subscribed = true;
    }

    @Override
    public void Reload() {
        CountDownLatch done = new CountDownLatch(1);
        reloadDone = done;
        emitReloading(true);
        Runnable finish = () -> {
            sleep(reloadDuration);
            reloadsFinished.incrementAndGet();
            emitReloading(false);
            done.countDown();
        };
        if (replyBeforeReloadFinishes) {
            loop.execute(finish);
        } else {
            finish.run();
        }
    }

    @Override
    public DBusPath StartUnit(String name, String mode) {
        Behaviour behaviour = behaviourOf(name);
        FakeUnit unit = load(name);
        return queue(name, () -> switch (behaviour) {
            case ONESHOT_OK -> {
                unit.activate("exited", 0);
                yield "done";
            }
            case DAEMON -> {
                if (!unit.active()) {
                    unit.activate("running", pids.incrementAndGet());
                }
                yield "done";
            }
            case ONESHOT_FAILS -> {
                unit.fail("exit-code", 3);
                yield "failed";
            }
            case NEEDS_FAILS -> {
                FakeUnit dependency = load(ContractUnits.FAILS);
                dependency.fail("exit-code", 3);
                yield "dependency";
            }
            case SLOW -> null;
            case FORBIDDEN -> throw new IllegalStateException("unreachable");
        }, behaviour == Behaviour.SLOW);
    }

    @Override
    public DBusPath StopUnit(String name, String mode) {
        behaviourOf(name);
        FakeUnit unit = load(name);
        Long slowJob = slowJobs.remove(name);
        if (slowJob != null) {
            emitJobRemoved(slowJob, name, "canceled");
        }
        return queue(name, () -> {
            unit.stop();
            return "done";
        }, false);
    }

    @Override
    public DBusPath RestartUnit(String name, String mode) {
        Behaviour behaviour = behaviourOf(name);
        FakeUnit unit = load(name);
        return queue(name, () -> switch (behaviour) {
            case DAEMON -> {
                unit.activate("running", pids.incrementAndGet());
                yield "done";
            }
            case ONESHOT_OK -> {
                unit.activate("exited", 0);
                yield "done";
            }
            case ONESHOT_FAILS, NEEDS_FAILS -> {
                unit.fail("exit-code", 3);
                yield "failed";
            }
            default -> "done";
        }, false);
    }

    @Override
    public DBusPath ReloadUnit(String name, String mode) {
        Behaviour behaviour = behaviourOf(name);
        FakeUnit unit = load(name);
        if (behaviour != Behaviour.DAEMON) {
            throw new JobTypeNotApplicable("Job type reload is not applicable for unit " + name + ".");
        }
        return queue(name, () -> unit.active() ? "done" : "invalid", false);
    }

    @Override
    public void ResetFailedUnit(String name) {
        FakeUnit unit = loaded.get(name);
        if (unit == null) {
            throw new NoSuchUnit("Unit " + name + " not loaded.");
        }
        unit.resetFailed();
    }

    @Override
    public DBusPath GetUnit(String name) {
        FakeUnit unit = loaded.get(name);
        if (unit == null) {
            throw new NoSuchUnit("Unit " + name + " not loaded.");
        }
        return new DBusPath(unit.path);
    }

    @Override
    public DBusPath LoadUnit(String name) {
        return new DBusPath(load(name).path);
    }

    @Override
    public List<UnitListEntry> ListUnitsByPatterns(List<String> states, List<String> patterns) {
        List<UnitListEntry> rows = new ArrayList<>();
        for (FakeUnit unit : loaded.values()) {
            boolean nameMatches = patterns.isEmpty() || patterns.stream().anyMatch(p -> glob(p, unit.name));
            boolean stateMatches = states.isEmpty() || states.contains(unit.activeState)
                    || states.contains(unit.subState) || states.contains(unit.loadState);
            if (nameMatches && stateMatches) {
                rows.add(new UnitListEntry(unit.name, unit.description(), unit.loadState, unit.activeState,
                        unit.subState, "", new DBusPath(unit.path), new UInt32(0), "", new DBusPath("/")));
            }
        }
        return rows;
    }

    // ---- org.freedesktop.DBus.Properties of the manager ----------------------------------------------------

    @SuppressWarnings("unchecked")
    @Override
    public <A> A Get(String iface, String property) {
        awaitReload();
        if ("Version".equals(property)) {
            return (A) "257-fake";
        }
        throw new DBusExecutionException("no property " + property);
    }

    @Override
    public <A> void Set(String iface, String property, A value) {
        throw new DBusExecutionException("read-only");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        awaitReload();
        return Map.of("Version", new Variant<>("257-fake"));
    }

    /** Like systemd, the fake answers nothing else while it reloads. */
    private void awaitReload() {
        try {
            reloadDone.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private Behaviour behaviourOf(String name) {
        Behaviour behaviour = fixtures.get(name);
        if (behaviour == null) {
            int at = name.indexOf('@');
            int dot = name.lastIndexOf('.');
            if (at > 0 && dot > at) {
                behaviour = fixtures.get(name.substring(0, at + 1) + name.substring(dot));
            }
        }
        if (behaviour == null) {
            throw new NoSuchUnit("Unit " + name + " not found.");
        }
        if (behaviour == Behaviour.FORBIDDEN) {
            throw new AccessDenied("Access denied");
        }
        return behaviour;
    }

    private FakeUnit load(String name) {
        return loaded.computeIfAbsent(name, n -> {
            FakeUnit unit = new FakeUnit(n, fragmentOf(n));
            String source = generatedFrom.get(n);
            if (source != null) {
                unit.generated(source);
            }
            try {
                connection.exportObject(unit.path, unit);
            } catch (DBusException e) {
                throw new IllegalStateException(e);
            }
            return unit;
        });
    }

    private Optional<String> fragmentOf(String name) {
        if (fixtures.containsKey(name)) {
            return Optional.of(UNIT_DIR + name);
        }
        int at = name.indexOf('@');
        int dot = name.lastIndexOf('.');
        if (at > 0 && dot > at && fixtures.containsKey(name.substring(0, at + 1) + name.substring(dot))) {
            return Optional.of(UNIT_DIR + name.substring(0, at + 1) + name.substring(dot));
        }
        return Optional.empty();
    }

    /** A job whose {@code work} runs on the loop and returns its result; {@code pending} jobs wait for a stop. */
    private DBusPath queue(String unit, java.util.function.Supplier<String> work, boolean pending) {
        long id = jobIds.incrementAndGet();
        if (pending) {
            load(unit).activating();
            slowJobs.put(unit, id);
        } else if (signalBeforeReply) {
            emitJobRemoved(id, unit, work.get());
        } else {
            loop.schedule(() -> emitJobRemoved(id, unit, work.get()), jobDuration.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new DBusPath(jobPath(id));
    }

    private static String jobPath(long id) {
        return OBJECT_PATH + "/job/" + id;
    }

    private void emitJobRemoved(long id, String unit, String result) {
        if (!subscribed) {
            return;
        }
        try {
            connection.sendMessage(new JobRemoved(OBJECT_PATH, new UInt32(id), new DBusPath(jobPath(id)), unit,
                    result));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    private void emitReloading(boolean active) {
        if (!subscribed) {
            return;
        }
        try {
            connection.sendMessage(new Reloading(OBJECT_PATH, active));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean glob(String pattern, String name) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(name));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** systemd's object path escaping: every byte outside [A-Za-z0-9] becomes _xx. */
    static String unitPath(String name) {
        StringBuilder path = new StringBuilder(OBJECT_PATH + "/unit/");
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9' && i > 0);
            path.append(plain ? String.valueOf((char) b) : String.format("_%02x", b));
        }
        return path.toString();
    }

    /** One unit object: the properties berth reads from the Unit and Service interfaces. */
    public static final class FakeUnit implements Properties {
        final String name;
        final String path;
        volatile Optional<String> fragment;
        volatile Optional<String> sourcePath = Optional.empty();
        volatile String loadState;
        volatile String activeState = "inactive";
        volatile String subState = "dead";
        volatile String result = "success";
        volatile long mainPid;
        volatile long restarts;
        volatile int execMainStatus;
        volatile Instant activeEnter;

        FakeUnit(String name, Optional<String> fragment) {
            this.name = name;
            this.path = unitPath(name);
            this.fragment = fragment;
            this.loadState = fragment.isPresent() ? "loaded" : "not-found";
        }

        synchronized void generated(String source) {
            fragment = Optional.of(GENERATOR_DIR + name);
            sourcePath = Optional.of(source);
            loadState = "loaded";
        }

        String description() {
            return fragment.isPresent() ? "fake " + name : name;
        }

        boolean active() {
            return "active".equals(activeState);
        }

        synchronized void activate(String sub, long pid) {
            activeState = "active";
            subState = sub;
            result = "success";
            mainPid = pid;
            execMainStatus = 0;
            activeEnter = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }

        synchronized void activating() {
            activeState = "activating";
            subState = "start";
        }

        synchronized void fail(String why, int status) {
            activeState = "failed";
            subState = "failed";
            result = why;
            mainPid = 0;
            execMainStatus = status;
        }

        synchronized void stop() {
            mainPid = 0;
            if (!"failed".equals(activeState)) {
                activeState = "inactive";
                subState = "dead";
            }
        }

        synchronized void resetFailed() {
            if ("failed".equals(activeState)) {
                activeState = "inactive";
                subState = "dead";
            }
            result = "success";
            restarts = 0;
        }

        @Override
        public String getObjectPath() {
            return path;
        }

        @SuppressWarnings("unchecked")
        @Override
        public <A> A Get(String iface, String property) {
            Variant<?> value = GetAll(iface).get(property);
            if (value == null) {
                throw new DBusExecutionException("Unknown property " + property);
            }
            return (A) value.getValue();
        }

        @Override
        public <A> void Set(String iface, String property, A value) {
            throw new DBusExecutionException("read-only");
        }

        @Override
        public synchronized Map<String, Variant<?>> GetAll(String iface) {
            Map<String, Variant<?>> all = new HashMap<>();
            if (UNIT_INTERFACE.equals(iface)) {
                all.put("Id", new Variant<>(name));
                all.put("Description", new Variant<>(description()));
                all.put("LoadState", new Variant<>(loadState));
                all.put("ActiveState", new Variant<>(activeState));
                all.put("SubState", new Variant<>(subState));
                all.put("ActiveEnterTimestamp", new Variant<>(new UInt64(activeEnter == null ? 0
                        : ChronoUnit.MICROS.between(Instant.EPOCH, activeEnter))));
                all.put("FragmentPath", new Variant<>(fragment.orElse("")));
                all.put("SourcePath", new Variant<>(sourcePath.orElse("")));
            } else if (SERVICE_INTERFACE.equals(iface)) {
                all.put("Result", new Variant<>(result));
                all.put("MainPID", new Variant<>(new UInt32(mainPid)));
                all.put("NRestarts", new Variant<>(new UInt32(restarts)));
                all.put("ExecMainStatus", new Variant<>(execMainStatus));
            }
            return all;
        }
    }
}
