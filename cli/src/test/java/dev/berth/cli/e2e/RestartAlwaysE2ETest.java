package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Restart=always} in a busybox httpd {@code .container}, installed with {@code berth apply} and started with
 * {@code berth start}: when its main process (conmon) or the container's own process is killed, systemd restarts
 * it, {@code berth status} shows the restart count going up, and the service answers again.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RestartAlwaysE2ETest {

    private static final Duration START = Duration.ofSeconds(60);
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    /** A busybox httpd serving "ok" from /www, published on {@code port}, restarted whenever it ends. */
    static String restartedWebContainer(String description, int port) {
        return """
                [Unit]
                Description=%s

                [Container]
                Image=localhost/busybox:latest
                PublishPort=%d:80
                Exec=sh -c "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www"

                [Service]
                Restart=always
                """.formatted(description, port);
    }

    @Test
    void killedMainProcessIsRestarted() {
        String name = "restart-main";
        install(name, restartedWebContainer("restarted when conmon dies", 8081));
        assertRestartedAfterKill(name, 8081, () -> host.berthStatus(name).path("state").path("mainPid").asLong());
    }

    @Test
    void killedContainerProcessIsRestarted() {
        String name = "restart-ctr";
        install(name, restartedWebContainer("restarted when httpd dies", 8082));
        assertRestartedAfterKill(name, 8082, () -> Long.parseLong(host.run("podman", "inspect", "--format",
                "{{.State.Pid}}", "systemd-" + name).strip()));
    }

    private void install(String name, String content) {
        String site = "/root/e2e/" + name;
        host.writeFile(site + "/" + name + ".container", content);
        host.berthOk("apply", site);
        assertEquals("always", host.property(name + ".service", "Restart"));
    }

    private void assertRestartedAfterKill(String name, int port, LongSupplier victim) {
        String unit = name + ".service";
        assertTrue(host.berthOk("start", name).contains("started " + unit));
        host.await(START, () -> host.httpStatus(port, "/").equals("200"), () -> host.diagnose(unit));

        JsonNode before = host.berthStatus(name).path("state");
        long restarts = before.path("restarts").asLong();
        long mainPid = before.path("mainPid").asLong();
        String invocation = host.property(unit, "InvocationID");
        long pid = victim.getAsLong();
        assertTrue(pid > 1, "no process to kill: " + pid);
        host.run("kill", "-KILL", Long.toString(pid));

        long t0 = System.nanoTime();
        host.await(Duration.ofSeconds(90), () -> {
            JsonNode s = host.berthStatus(name).path("state");
            return s.path("restarts").asLong() > restarts && s.path("activeState").asText().equals("active");
        }, () -> "no restart after killing pid " + pid + "\n" + host.diagnose(unit));
        host.await(START, () -> host.httpStatus(port, "/").equals("200"), () -> host.diagnose(unit));
        System.err.printf("[e2e] %s: killed pid %d, answering again after %d ms%n", unit, pid,
                (System.nanoTime() - t0) / 1_000_000);

        JsonNode after = host.berthStatus(name).path("state");
        assertEquals(restarts + 1, after.path("restarts").asLong());
        assertNotEquals(mainPid, after.path("mainPid").asLong());
        assertNotEquals(invocation, host.property(unit, "InvocationID"));
        assertEquals(List.of("active", "running"),
                List.of(after.path("activeState").asText(), after.path("subState").asText()));
        // The text view shows the same count.
        String table = host.berthOk("status", name);
        assertTrue(table.lines().anyMatch(l -> l.startsWith(unit) && l.contains(" " + (restarts + 1) + " ")),
                table);
    }
}
