package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code berth sandbox} as a user runs it from a checkout: {@code packaging/bin/berth sandbox up}, {@code apply
 * examples/quadlet/web}, {@code status}, {@code shell curl}, {@code logs}, {@code down}, each a process on this
 * machine (the launcher finds the checkout's {@code cli/target}; the sandbox finds {@code packaging/testhost} from
 * there). The sandbox is a test host of its own, so this class is tagged {@code sandbox}, not {@code e2e}: it must
 * not run while the suite's shared test host holds the machine's one slot; {@code test.sh} runs it after the suite,
 * with {@code -Dberth.e2e.groups=sandbox}.
 */
@Tag("sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class SandboxE2ETest {

    private Path repo;
    private Path berth;
    private final Path run = Path.of("/var/tmp/berth-testhost/sandbox");

    record Ran(List<String> argv, int exit, String out, String err) {
        String describe() {
            return String.join(" ", argv) + " -> exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @BeforeAll
    void checkout() {
        repo = Path.of(System.getProperty("berth.repo.root", "..")).toAbsolutePath().normalize();
        berth = repo.resolve("packaging/bin/berth");
        if (!Files.isRegularFile(repo.resolve("cli/target/berth-cli.jar"))) {
            fail("no cli/target/berth-cli.jar: run this test with 'verify' (the sandbox installs the packaged jars)");
        }
        if (Files.exists(run)) {
            fail(run + " exists: a sandbox is up or was left behind; 'berth sandbox down' removes it");
        }
    }

    @AfterAll
    void down() {
        if (Files.exists(run)) {
            sandbox("down");
        }
    }

    /** {@code packaging/bin/berth sandbox ARGS...} from the checkout's root, like a user would type it. */
    private Ran sandbox(String... args) {
        List<String> argv = new ArrayList<>(List.of("bash", berth.toString(), "sandbox"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(repo.toFile());
        pb.environment().remove("BERTH_HOME");
        pb.environment().remove("BERTH_TESTHOST_DIR");
        pb.environment().remove("BERTH_SANDBOX_RUN");
        pb.environment().put("BERTH_TESTHOST_KEEP", "10");
        try {
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            int exit = p.waitFor();
            Ran r = new Ran(argv, exit, out, err.join());
            System.err.println("[sandbox] " + String.join(" ", args) + " -> exit " + exit);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void upApplyStatusShellLogsDownFromTheCheckout() {
        Ran status0 = sandbox("status");
        assertEquals(1, status0.exit(), status0::describe);
        assertTrue(status0.err().contains("no sandbox is up"), status0::describe);

        Ran up = sandbox("up", "--wait", "1800");
        assertEquals(0, up.exit(), up::describe);
        assertTrue(up.out().contains("sandbox up"), up::describe);
        Ran again = sandbox("up");
        assertEquals(0, again.exit(), again::describe);
        assertTrue(again.err().contains("already up"), again::describe);

        Ran apply = sandbox("apply", "examples/quadlet/web");
        assertEquals(0, apply.exit(), apply::describe);
        assertTrue(apply.out().contains("started web.service"), apply::describe);

        Ran status = sandbox("status", "web");
        assertEquals(0, status.exit(), status::describe);
        assertTrue(status.out().contains("web.service"), status::describe);
        assertTrue(status.out().contains("active"), status::describe);

        // The drop-in beside the example (web.container.d/10-greeting.conf) came along.
        Ran curl = null;
        for (int i = 0; i < 60; i++) {
            curl = sandbox("shell", "curl", "-s", "-m", "2", "http://127.0.0.1:8080/");
            if (curl.exit() == 0 && curl.out().contains("hello from")) {
                break;
            }
            sleep();
        }
        assertTrue(curl.out().startsWith("hello from"), curl::describe);
        assertFalse(curl.out().contains("hello from \n"), "the drop-in's GREETING is set: " + curl.out());

        Ran logs = sandbox("logs", "-n", "20", "web");
        assertEquals(0, logs.exit(), logs::describe);
        assertTrue(logs.out().contains("web"), logs::describe);

        Ran down = sandbox("down");
        assertEquals(0, down.exit(), down::describe);
        assertFalse(Files.exists(run), "the sandbox's run directory is gone");
        Ran after = sandbox("status");
        assertEquals(1, after.exit(), after::describe);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
