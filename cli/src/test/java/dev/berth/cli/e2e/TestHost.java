package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The disposable systemd 257 test host, driven through the scripts in {@code packaging/testhost} (see its
 * README): {@code boot.sh}, {@code install-berth.sh}, {@code exec.sh}, {@code reboot.sh}, {@code destroy.sh}.
 *
 * <p>Every command runs as an argv list (never through a shell string). The host lives in its own run directory
 * ({@code /var/tmp/berth-testhost/e2e} unless {@code berth.testhost.run} says otherwise), which belongs to the
 * e2e suite: a JVM holds {@code e2e.lock} next to it from boot to destroy, so whatever it finds there when it
 * takes the lock is debris of a crashed run and is destroyed first. One run's test hosts at a time per machine
 * (a test may boot a second one {@link #beside} its own); when another engineer's host is up, {@link #boot} waits
 * and retries.
 *
 * <p>Missing prerequisites (not root, no rootfs, no jars, a failed boot) fail the test loudly; nothing is
 * skipped.
 */
public final class TestHost implements AutoCloseable {

    /** What a command inside the test host did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String describe() {
            return String.join(" ", command) + " -> exit " + exitCode
                    + (stdout.isBlank() ? "" : "\n--- stdout\n" + stdout.strip())
                    + (stderr.isBlank() ? "" : "\n--- stderr\n" + stderr.strip());
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String BUSY = "another test host is running";

    private final Path scripts;
    private final Path rootfs;
    private final Path run;
    private final Path build;
    private final Duration waitForOther;
    /** The run directory of the host this one is booted beside (BERTH_TESTHOST_BESIDE), or null. */
    private final Path beside;
    private FileChannel lockChannel;
    private FileLock lock;
    private Thread shutdownHook;
    private boolean up;

    private TestHost(Path scripts, Path rootfs, Path run, Path build, Duration waitForOther, Path beside) {
        this.scripts = scripts;
        this.rootfs = rootfs;
        this.run = run;
        this.build = build;
        this.waitForOther = waitForOther;
        this.beside = beside;
    }

    /**
     * Boots a fresh test host from the rootfs named by {@code berth.testhost.rootfs}, installs berth into it
     * ({@code install-berth.sh}: JDK bound read-only, jars, launchers, berth as the only generator) and imports
     * the local busybox image as {@code localhost/busybox:latest}. Test classes do not call this: they share the
     * suite's host through {@link SharedTestHost}, which does.
     */
    public static TestHost bootWithBerth() {
        TestHost host = fromSystemProperties();
        try {
            host.boot();
            host.installBerth();
            host.run("podman", "import", "--quiet", "/var/lib/berth-testhost/busybox.tar", "localhost/busybox:latest");
        } catch (RuntimeException | Error e) {
            host.close();
            throw e;
        }
        return host;
    }

    /** Reads and checks the configuration; fails (never skips) when a prerequisite is missing. */
    public static TestHost fromSystemProperties() {
        String rootfsProp = System.getProperty("berth.testhost.rootfs", "").strip();
        if (rootfsProp.isEmpty()) {
            fail("the e2e suite needs the test-host rootfs: run it with "
                    + "-Dberth.testhost.rootfs=$(bash packaging/testhost/rootfs.sh | tail -n 1) (test.sh does)");
        }
        Path rootfs = Path.of(rootfsProp);
        if (!Files.isExecutable(rootfs.resolve("lib/systemd/systemd"))) {
            fail("berth.testhost.rootfs=" + rootfs + " is not a test-host rootfs (no lib/systemd/systemd)");
        }
        Path repo = Path.of(System.getProperty("berth.repo.root", "..")).toAbsolutePath().normalize();
        Path scripts = repo.resolve("packaging/testhost");
        if (!Files.isRegularFile(scripts.resolve("boot.sh"))) {
            fail("cannot find packaging/testhost/boot.sh under berth.repo.root=" + repo);
        }
        Path build = Path.of(System.getProperty("berth.build.dir", repo.resolve("cli/target").toString()))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(build.resolve("berth-cli-generator.jar"))) {
            fail("no " + build.resolve("berth-cli-generator.jar") + ": the e2e suite installs the packaged jars "
                    + "(run it with 'verify', not 'test')");
        }
        String uid = command(List.of("id", "-u"), null, Map.of(), Duration.ofSeconds(10)).stdout().strip();
        if (!uid.equals("0")) {
            fail("the e2e suite must run as root (it boots systemd in namespaces); uid is " + uid);
        }
        Path run = Path.of(System.getProperty("berth.testhost.run", "/var/tmp/berth-testhost/e2e"));
        Duration wait = Duration.ofSeconds(Long.getLong("berth.testhost.waitSeconds", 1800));
        return new TestHost(scripts, rootfs, run, build, wait, null);
    }

    /**
     * A host of a class's own, in the run directory {@code <run>-<name>}, for a class that needs one unlike the shared
     * host (DebPackageE2ETest: no JDK, berth from its .deb). Boot it with {@link #boot()} after
     * {@link SharedTestHost#release} has destroyed the shared one: the machine runs one test host at a time.
     */
    public static TestHost fromSystemProperties(String name) {
        TestHost shared = fromSystemProperties();
        return new TestHost(shared.scripts, shared.rootfs,
                shared.run.resolveSibling(shared.run.getFileName() + "-" + name), shared.build, shared.waitForOther,
                null);
    }

    /**
     * A second host, booted beside this running one from another copy of the same rootfs, in the run directory
     * {@code <run>-<name>} ({@code BERTH_TESTHOST_BESIDE}: boot.sh lets the two run side by side, each in a cgroup
     * tree of its own, and still keeps other engineers' hosts out). Boot it with {@link #boot()}; close it first.
     */
    public TestHost beside(String name) {
        if (!running()) {
            fail("a host can only be booted beside a running one");
        }
        return new TestHost(scripts, rootfs, run.resolveSibling(run.getFileName() + "-" + name), build,
                waitForOther, run);
    }

    /**
     * Where the test host's root is on the machine: a file it writes at {@code /root/x} (not on one of its tmpfs,
     * {@code /run} and {@code /tmp}) is {@code root().resolve("root/x")}. For copying between hosts, as a user would
     * with scp.
     */
    public Path root() {
        return run.resolve("root");
    }

    /** The source tree the suite runs from (berth.repo.root). */
    public Path repoRoot() {
        return scripts.getParent().getParent();
    }

    /** Boots the test host; waits (polling) while another engineer's test host is running. */
    public void boot() {
        takeRunDirectory();
        bootWaitingForOthers();
    }

    /** boot.sh (on the run directory's disk if it has one), retried while another test host holds the machine. */
    private void bootWaitingForOthers() {
        long deadline = System.nanoTime() + waitForOther.toNanos();
        while (true) {
            Result boot = script("boot.sh", List.of(rootfs.toString()), Duration.ofMinutes(5));
            if (boot.ok()) {
                up = true;
                return;
            }
            if (boot.stderr().contains(BUSY) && System.nanoTime() < deadline) {
                System.err.println("[e2e] " + boot.stderr().strip() + "; waiting 15 s and retrying");
                sleep(Duration.ofSeconds(15));
                continue;
            }
            fail("the test host did not boot:\n" + boot.describe());
        }
    }

    /** Runs {@code install-berth.sh} with the packaged jars of this build. */
    public void installBerth() {
        Result r = script("install-berth.sh", List.of(build.toString()), Duration.ofMinutes(3));
        if (!r.ok()) {
            fail("installing berth into the test host failed:\n" + r.describe());
        }
    }

    /**
     * "Reboots": SIGKILL to init, boot again on the same disk ({@code reboot.sh}). reboot.sh keeps the machine's
     * test-host slot from the kill to the boot; should another test host get in all the same (one booted by
     * scripts without that lock), the boot waits for it like {@link #boot}, on the same disk.
     */
    public void reboot() {
        Result r = script("reboot.sh", List.of(), Duration.ofMinutes(3));
        if (r.ok()) {
            return;
        }
        if (r.stderr().contains(BUSY) && !running()) {
            System.err.println("[e2e] reboot: another test host took the machine after the kill; waiting to boot");
            bootWaitingForOthers();
            return;
        }
        fail("reboot.sh failed:\n" + r.describe());
    }

    /** Kills the test host and removes its run directory; releases the e2e lock. Safe to call twice. */
    public void destroy() {
        try {
            if (Files.isDirectory(run)) {
                Result r = script("destroy.sh", List.of(), Duration.ofMinutes(2));
                if (!r.ok()) {
                    fail("destroy.sh failed (the test host may still be running):\n" + r.describe());
                }
            }
        } finally {
            up = false;
            releaseRunDirectory();
        }
    }

    @Override
    public void close() {
        destroy();
    }

    /** Booted, not destroyed, and its init still alive. */
    public boolean running() {
        if (!up) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of("/proc", Long.toString(initPid())));
        } catch (UncheckedIOException | NumberFormatException e) {
            return false;
        }
    }

    /** The init PID as the host sees it. */
    public long initPid() {
        try {
            String line = Files.readString(run.resolve("init.pid")).strip();
            return Long.parseLong(line.split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs argv inside the test host ({@code exec.sh}); returns whatever happened. */
    public Result exec(String... argv) {
        return exec(null, List.of(argv));
    }

    /** Runs argv inside the test host with {@code stdin} (null: none). */
    public Result exec(String stdin, List<String> argv) {
        if (!up) {
            fail("the test host is not running");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(scripts.resolve("exec.sh").toString());
        cmd.addAll(argv);
        Result r = command(cmd, stdin, env(), COMMAND_TIMEOUT);
        return new Result(List.copyOf(argv), r.exitCode(), r.stdout(), r.stderr());
    }

    /** Runs argv inside the test host; fails unless it exits 0; returns its stdout. */
    public String run(String... argv) {
        Result r = exec(argv);
        if (!r.ok()) {
            StringBuilder why = new StringBuilder("command failed inside the test host: " + r.describe());
            if (argv.length > 0 && argv[0].equals("systemctl")) {
                // A failed start/stop says "see systemctl status": show it, for every unit named.
                for (String arg : argv) {
                    if (!arg.startsWith("-") && arg.matches(".+\\.(service|target|socket|timer|mount)")) {
                        why.append("\n").append(diagnose(arg));
                    }
                }
            }
            fail(why.toString());
        }
        return r.stdout();
    }

    /** Writes a root-owned file inside the test host (parent directories created). */
    public void writeFile(String path, String content) {
        run("mkdir", "-p", Path.of(path).getParent().toString());
        Result r = exec(content, List.of("tee", path));
        if (!r.ok()) {
            fail("cannot write " + path + " inside the test host: " + r.describe());
        }
    }

    /** {@code systemctl show -P NAME UNIT}. */
    public String property(String unit, String name) {
        return run("systemctl", "show", "-P", name, unit).strip();
    }

    public long longProperty(String unit, String name) {
        String v = property(unit, name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            fail(unit + " " + name + " is not a number: '" + v + "'\n" + diagnose(unit));
            return -1;
        }
    }

    /** The HTTP status of {@code curl http://localhost:PORT/PATH} inside the test host ("000": no answer). */
    public String httpStatus(int port, String path) {
        return httpStatus("localhost", port, path);
    }

    /** The HTTP status of {@code curl http://ADDRESS:PORT/PATH} inside the test host ("000": no answer). */
    public String httpStatus(String address, int port, String path) {
        return exec("curl", "-s", "-o", "/dev/null", "-m", "5", "-w", "%{http_code}",
                "http://" + address + ":" + port + path).stdout().strip();
    }

    /** The body of {@code curl -f http://localhost:PORT/PATH}, or null on any failure. */
    public String httpBody(int port, String path) {
        Result r = exec("curl", "-s", "-f", "-m", "5", "http://localhost:" + port + path);
        return r.ok() ? r.stdout() : null;
    }

    // --- berth inside the test host (/usr/bin/berth, installed by install-berth.sh) ---------------------------

    /** {@code berth ARGS...} as root inside the test host, whatever its exit status. */
    public Result berth(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("berth");
        argv.addAll(List.of(args));
        return exec(null, argv);
    }

    /** {@code berth ARGS...} as root; fails unless it exits 0; returns its stdout. */
    public String berthOk(String... args) {
        Result r = berth(args);
        if (!r.ok()) {
            fail("berth failed inside the test host: " + r.describe());
        }
        return r.stdout();
    }

    /**
     * Runs argv inside the test host as {@code user}, with the environment a login would give it (HOME, USER,
     * XDG_RUNTIME_DIR: where its systemd and user bus are), from its home directory.
     */
    public Result execAs(String user, List<String> argv) {
        String uid = run("id", "-u", user).strip();
        String home = run("getent", "passwd", user).strip().split(":")[5];
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user,
                "--init-groups", "env", "--chdir=" + home, "HOME=" + home, "USER=" + user, "LOGNAME=" + user,
                "XDG_RUNTIME_DIR=/run/user/" + uid));
        cmd.addAll(argv);
        return exec(null, cmd);
    }

    /** Runs argv as {@code user}; fails unless it exits 0; returns its stdout. */
    public String runAs(String user, String... argv) {
        Result r = execAs(user, List.of(argv));
        if (!r.ok()) {
            fail("command failed inside the test host as " + user + ": " + r.describe());
        }
        return r.stdout();
    }

    /** Parses a command's JSON output; fails with the whole result when it is not JSON. */
    public static JsonNode json(Result r) {
        try {
            return new ObjectMapper().readTree(r.stdout());
        } catch (IOException e) {
            fail("not JSON (" + e.getMessage() + "): " + r.describe());
            return null;
        }
    }

    /**
     * {@code berth status --format json NAME} (as root, or with {@code --user} as {@code user}): the unit's row,
     * whose {@code state} is null when systemd does not know the unit.
     */
    public JsonNode berthStatus(String unit) {
        return statusRow(berth("status", "--format", "json", unit), unit);
    }

    public JsonNode berthStatusAs(String user, String unit) {
        return statusRow(execAs(user, List.of("berth", "status", "--user", "--format", "json", unit)), unit);
    }

    private static JsonNode statusRow(Result r, String unit) {
        // Exit 3 only says "not active"; the JSON is there all the same.
        if (r.exitCode() != 0 && r.exitCode() != 3) {
            fail("berth status failed: " + r.describe());
        }
        JsonNode units = json(r).path("units");
        if (units.size() != 1) {
            fail("berth status " + unit + " shows " + units.size() + " units: " + r.describe());
        }
        return units.get(0);
    }

    /** The {@code activeState} berth status shows ("" when systemd does not know the unit). */
    public String activeState(String unit) {
        return berthStatus(unit).path("state").path("activeState").asText("");
    }

    /** sha256 and path of every file under {@code dir} (recursively, sorted by path), for before/after checks. */
    public String fileDigests(String dir) {
        return run("find", dir, "-type", "f", "-exec", "sha256sum", "{}", "+").lines().sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** A journal cursor for "everything logged from now on" ({@link #journalSince}). */
    public String journalCursor() {
        String out = run("journalctl", "-n", "0", "--show-cursor", "--no-pager");
        return out.lines().filter(l -> l.startsWith("-- cursor: ")).map(l -> l.substring("-- cursor: ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("journalctl printed no cursor: " + out));
    }

    /** The messages logged after {@code cursor} that match the journalctl match arguments, one a line. */
    public List<String> journalSince(String cursor, String... matches) {
        List<String> argv = new ArrayList<>(List.of("journalctl", "--no-pager", "-o", "cat", "--after-cursor=" + cursor));
        argv.addAll(List.of(matches));
        Result r = exec(null, argv);
        if (!r.ok() && !r.stdout().isBlank()) {
            fail("journalctl failed: " + r.describe());
        }
        return r.stdout().lines().toList();
    }

    /** Status and recent journal of a unit, for failure messages. */
    public String diagnose(String unit) {
        return exec("systemctl", "status", "--no-pager", "--full", "-n", "0", unit).stdout()
                + "\n--- journal of " + unit + "\n"
                + exec("journalctl", "--no-pager", "-b", "-n", "40", "-u", unit).stdout();
    }

    /** Polls {@code condition} until it holds; fails with {@code why} after {@code timeout}. */
    public void await(Duration timeout, Supplier<Boolean> condition, Supplier<String> why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("still not true after " + timeout.toSeconds() + " s: " + why.get());
            }
            sleep(POLL);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Map<String, String> env() {
        return beside == null ? Map.of("BERTH_TESTHOST_RUN", run.toString())
                : Map.of("BERTH_TESTHOST_RUN", run.toString(), "BERTH_TESTHOST_BESIDE", beside.toString());
    }

    private Result script(String name, List<String> args, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(scripts.resolve(name).toString());
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Result r = command(cmd, null, env(), timeout);
        System.err.printf("[e2e] %s %s: exit %d in %d ms%n", name, String.join(" ", args), r.exitCode(),
                (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    /**
     * The e2e run directory is ours while we hold {@code e2e.lock} beside it; anything found there then is
     * left over from a run that died before destroying its host.
     */
    private void takeRunDirectory() {
        if (lock != null) {
            return;
        }
        try {
            Files.createDirectories(run.getParent());
            Path lockFile = run.resolveSibling(run.getFileName() + ".lock");
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                lockChannel.close();
                lockChannel = null;
                fail("this JVM already runs a test host in " + run + " (the suite's shared one): a test class "
                        + "must not boot its own; use @ExtendWith(SharedTestHost.class) and take the TestHost as "
                        + "a parameter of @BeforeAll");
            }
            if (lock == null) {
                System.err.println("[e2e] waiting for " + lockFile + " (another e2e run)");
                lock = lockChannel.lock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.isDirectory(run)) {
            System.err.println("[e2e] destroying the test host left over in " + run);
            Result r = script("destroy.sh", List.of(), Duration.ofMinutes(2));
            if (!r.ok()) {
                fail("cannot clear the leftover run directory " + run + ":\n" + r.describe());
            }
        }
        shutdownHook = new Thread(() -> script("destroy.sh", List.of(), Duration.ofMinutes(2)), "e2e-destroy");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void releaseRunDirectory() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it destroys the host itself
            }
            shutdownHook = null;
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    /** Runs a host command with a timeout, capturing stdout and stderr. */
    private static Result command(List<String> cmd, String stdin, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", cmd)
                        + "\n--- stdout so far\n" + out.getNow("") + "\n--- stderr so far\n" + err.getNow(""));
            }
            return new Result(List.copyOf(cmd), p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
