package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code berth migrate} between two test hosts booted side by side from two copies of the rootfs (issue 8): the
 * suite's shared host is the source, a second host booted beside it the target. The target starts without the
 * image, so it comes in the migration directory too. The directory is copied on the machine, as a user would copy
 * it with scp: berth has no transport.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class MigrationE2ETest {

    private static final String IMAGE = "localhost/busybox:latest";
    private TestHost source;

    @BeforeAll
    void useTestHost(TestHost shared) {
        source = shared;
    }

    @Test
    void theCounterContinuesOnTheTargetAndTheSourceStaysDown() {
        String name = "mig-counter";
        String unit = name + ".service";
        CounterContainer.install(source, name, CounterContainer.spec(IMAGE, "", "RestartSec=200ms\n\n"
                + "[X-Berth]\nRestoreOnStart=latest"));
        source.berthOk("start", name);
        CounterContainer.awaitCount(source, name, 5);
        String[] before = CounterContainer.count(source, name);
        source.run("rm", "-rf", "/root/migration");

        TestHost.Result out = source.berth("migrate", name, "--to", "/root/migration");
        assertEquals(0, out.exitCode(), out::describe);
        assertEquals("700", source.run("stat", "-c", "%a", "/root/migration").strip());

        try (TestHost target = source.beside("target")) {
            target.boot();
            target.installBerth();
            assertFalse(target.exec("podman", "image", "exists", IMAGE).ok(), "the target has the image already");
            copyTree(source.root().resolve("root/migration"), target.root().resolve("root/migration"));

            TestHost.Result in = target.berth("migrate", "--from", "/root/migration");
            assertEquals(0, in.exitCode(), in::describe);
            assertTrue(in.stdout().contains("restored " + unit), in::describe);
            assertTrue(target.exec("podman", "image", "exists", IMAGE).ok(), "the image did not come along");
            CounterContainer.assertRestoredUnderUnit(target, name);
            CounterContainer.assertContinues(before, CounterContainer.count(target, name));
            assertTrue(target.run("systemctl", "cat", unit).contains("berth-unit-helper"),
                    "the target runs the unit berth generated from the migrated file");

            // The source: stopped cleanly, not restarted (Restart=always, RestartSec=200ms), no container, and no
            // archive left in its store for RestoreOnStart= to bring the container back here.
            sleep(3000);
            assertEquals("inactive", source.activeState(unit), () -> source.diagnose(unit));
            assertEquals("success", source.property(unit, "Result"));
            assertEquals("0", source.property(unit, "NRestarts"));
            assertFalse(source.exec("podman", "container", "exists", "systemd-" + name).ok(),
                    "the container still exists on the source");
            assertEquals("", source.exec("sh", "-c", "ls -A /var/lib/berth/checkpoints/" + unit + " 2>/dev/null")
                    .stdout().strip());

            // On the target the unit is an ordinary berth unit: it keeps counting and stops cleanly.
            CounterContainer.awaitCount(target, name, Integer.parseInt(before[1]) + 5);
            target.berthOk("stop", name);
            assertEquals("inactive", target.activeState(unit));
            assertEquals("success", target.property(unit, "Result"));
        }
        source.berthOk("remove", name);
    }

    /** {@code cp -a FROM TO} on the machine: the user's own copy between the hosts. */
    private static void copyTree(Path from, Path to) {
        try {
            Process p = new ProcessBuilder(List.of("cp", "-a", "--", from.toString(), to.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                fail("cp -a " + from + " " + to + " failed: " + output);
            }
        } catch (IOException e) {
            fail("cannot run cp: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
