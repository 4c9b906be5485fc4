package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What comes back after a reboot of the test host, with no command given: a {@code .container} whose file has
 * {@code [Install] WantedBy=multi-user.target} (berth's generator makes the wants link at boot), and one without
 * {@code [Install]} after {@code berth enable --now}; after {@code berth disable} the latter stays down. A unit that
 * was never enabled is the control.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
// A reboot may have to wait for another engineer's test host (up to berth.testhost.waitSeconds, 30 min).
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class RebootE2ETest {

    private static final Duration BACK = Duration.ofSeconds(90);
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    /** A busybox httpd without [Install]: started by hand only, unless enabled. */
    private static String manualWebContainer(String description, int port) {
        return """
                [Unit]
                Description=%s

                [Container]
                Image=localhost/busybox:latest
                PublishPort=%d:80
                Exec=sh -c "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www"
                """.formatted(description, port);
    }

    @Test
    void installedAndEnabledUnitsComeBackAfterRebootAndDisabledOnesDoNot() {
        String site = "/root/e2e/reboot";
        host.writeFile(site + "/boot-web.container", ApplyE2ETest.webContainer("started at boot ([Install])", 8090));
        host.writeFile(site + "/manual-web.container", manualWebContainer("enabled with berth enable", 8091));
        host.writeFile(site + "/never-web.container", manualWebContainer("never enabled", 8092));
        TestHost.Result applied = host.berth("apply", site);
        assertEquals(0, applied.exitCode(), applied::describe);
        // apply starts what [Install] enables, and says why it leaves the others alone.
        assertTrue(applied.stdout().lines().anyMatch(l -> l.startsWith("started boot-web.service")), applied::describe);
        assertTrue(applied.stdout().contains("manual-web.service: added, not enabled"), applied::describe);
        assertEquals("inactive", host.activeState("manual-web"));

        // enable --now: a drop-in with [Install], a reload, a start.
        TestHost.Result enabled = host.berth("enable", "--now", "manual-web");
        assertEquals(0, enabled.exitCode(), enabled::describe);
        assertTrue(enabled.stdout().contains("/etc/containers/systemd/manual-web.container.d/"), enabled::describe);
        assertTrue(enabled.stdout().contains("started manual-web.service"), enabled::describe);
        assertEquals("active", host.activeState("manual-web"), () -> host.diagnose("manual-web.service"));
        host.await(BACK, () -> host.httpStatus(8090, "/").equals("200") && host.httpStatus(8091, "/").equals("200"),
                () -> host.diagnose("manual-web.service"));

        // berth logs shows the unit's journal.
        TestHost.Result logs = host.berth("logs", "-n", "5", "manual-web");
        assertEquals(0, logs.exitCode(), logs::describe);
        List<String> lines = logs.stdout().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(!lines.isEmpty() && lines.size() <= 5, logs::describe);
        assertTrue(lines.stream().allMatch(l -> l.contains("manual-web")), logs::describe);

        String bootContainer = host.run("podman", "inspect", "--format", "{{.Id}}", "systemd-boot-web").strip();
        rebootAndWait();
        // No command given: only observe.
        for (String name : List.of("boot-web", "manual-web")) {
            host.await(BACK, () -> host.activeState(name).equals("active"), () -> host.diagnose(name + ".service"));
        }
        host.await(BACK, () -> host.httpStatus(8090, "/").equals("200") && host.httpStatus(8091, "/").equals("200"),
                () -> host.diagnose("boot-web.service") + host.diagnose("manual-web.service"));
        JsonNode boot = host.berthStatus("boot-web").path("state");
        assertEquals(0, boot.path("restarts").asLong(), boot::toString);
        assertNotEquals(bootContainer,
                host.run("podman", "inspect", "--format", "{{.Id}}", "systemd-boot-web").strip(),
                "the container should be a new one, started at boot");
        assertTrue(host.run("journalctl", "-b", "--no-pager", "-o", "cat", "-u", "manual-web.service")
                .contains("Started manual-web.service"), () -> host.diagnose("manual-web.service"));
        assertNeverEnabledIsDown();

        // disable: no [Install] any more; it keeps running until the next boot, and then stays down.
        TestHost.Result disabled = host.berth("disable", "manual-web");
        assertEquals(0, disabled.exitCode(), disabled::describe);
        assertEquals("active", host.activeState("manual-web"));
        rebootAndWait();
        host.await(BACK, () -> host.activeState("boot-web").equals("active"), () -> host.diagnose("boot-web.service"));
        host.await(BACK, () -> host.httpStatus(8090, "/").equals("200"), () -> host.diagnose("boot-web.service"));
        JsonNode manual = host.berthStatus("manual-web");
        assertEquals("loaded", manual.path("state").path("loadState").asText(), manual::toString);
        assertEquals("inactive", manual.path("state").path("activeState").asText(), manual::toString);
        assertEquals("000", host.httpStatus(8091, "/"));
        assertEquals(3, host.berth("status", "manual-web").exitCode(), "status of a unit that is down exits 3");
        assertNeverEnabledIsDown();
    }

    private void rebootAndWait() {
        long initBefore = host.initPid();
        long t0 = System.nanoTime();
        host.reboot();
        assertNotEquals(initBefore, host.initPid(), "reboot.sh did not boot a new init");
        // At boot, systemd ran berth's generator with the JDK that boot.sh bound in again before pivot_root.
        assertTrue(host.run("findmnt", "-n", "-o", "OPTIONS", "--target", "/usr/lib/jvm/temurin-25-jdk-amd64")
                .startsWith("ro"));
        assertTrue(host.run("head", "-n", "3", "/run/systemd/generator/boot-web.service")
                .contains("berth-generator"));
        System.err.printf("[e2e] rebooted in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** The control: generated, but wanted by nothing, so still down. */
    private void assertNeverEnabledIsDown() {
        JsonNode never = host.berthStatus("never-web").path("state");
        assertEquals(List.of("loaded", "inactive"),
                List.of(never.path("loadState").asText(), never.path("activeState").asText()));
        assertEquals("000", host.httpStatus(8092, "/"));
    }
}
