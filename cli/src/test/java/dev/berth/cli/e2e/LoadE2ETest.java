package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under load: {@code berth apply} of 50 {@code .container}s with {@code [Install]} at once reloads systemd once,
 * queues 50 start jobs that run concurrently, and every one of them ends "done" with its unit active: no job is
 * lost. {@code berth remove} then takes all 50 down again, so the shared test host stays light.
 *
 * <p>The containers are light (busybox sleep, about 3 processes each with conmon) and well inside this machine's
 * limits (nofile hard 20000, nproc about 96k, podman's nofile 1024 per container from the recipe).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LoadE2ETest {

    private static final int UNITS = 50;
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    @Test
    void fiftyContainersAppliedAtOnceAllStartWithOneReload() {
        String site = "/root/e2e/load";
        List<String> names = IntStream.rangeClosed(1, UNITS).mapToObj(i -> "load-%02d".formatted(i)).toList();
        for (String name : names) {
            // The shell stays PID 1 with a TERM trap, so a stop takes no 10 s kill timeout.
            host.writeFile(site + "/" + name + ".container", """
                    [Container]
                    Image=localhost/busybox:latest
                    Exec=sh -c "trap 'exit 0' TERM; sleep 1000000 & wait"

                    [Install]
                    WantedBy=multi-user.target
                    """);
        }

        String cursor = host.journalCursor();
        long t0 = System.nanoTime();
        TestHost.Result applied = host.berth("apply", "--format", "json", site);
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, applied.exitCode(), applied::describe);
        JsonNode report = TestHost.json(applied);
        assertTrue(report.path("changed").asBoolean(), applied::describe);
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode u : report.path("units")) {
            outcomes.put(u.path("name").asText(), u.path("action").asText() + ":" + u.path("result").asText());
        }
        Map<String, String> expected = new HashMap<>();
        names.forEach(n -> expected.put(n + ".service", "start:done"));
        assertEquals(expected, outcomes, applied::describe);
        assertEquals(report.path("summary").asText(), UNITS + " files changed, " + UNITS + " units started");

        // One reload for the whole apply.
        List<String> reloads = host.journalSince(cursor, "_PID=1").stream()
                .filter(l -> l.startsWith("Reloading finished")).toList();
        assertEquals(1, reloads.size(), () -> "reloads: " + reloads);

        // No job lost: berth status says every unit is active (exit 0: all named units active).
        List<String> statusArgs = new ArrayList<>(List.of("status", "--format", "json"));
        statusArgs.addAll(names);
        TestHost.Result status = host.berth(statusArgs.toArray(String[]::new));
        assertEquals(0, status.exitCode(), status::describe);
        JsonNode rows = TestHost.json(status).path("units");
        assertEquals(UNITS, rows.size());
        for (JsonNode row : rows) {
            assertEquals("active", row.path("state").path("activeState").asText(), row::toString);
            assertTrue(row.path("state").path("mainPid").asLong() > 1, row::toString);
        }
        assertEquals(UNITS, host.run("podman", "ps", "-q", "--filter", "name=^systemd-load-").lines().count());

        // The starts overlapped: systemd ran the jobs concurrently, not one after another.
        int overlap = maxConcurrentStarts(names);
        System.err.printf("[e2e] berth apply of %d containers: %d ms, 1 reload, up to %d starts at once%n",
                UNITS, applyMs, overlap);
        assertTrue(overlap >= 2, "the start jobs never overlapped: " + overlap);

        // Take them down again: berth remove stops all 50 and deletes their files.
        List<String> removeArgs = new ArrayList<>(List.of("remove", "--format", "json"));
        removeArgs.addAll(names);
        TestHost.Result removed = host.berth(removeArgs.toArray(String[]::new));
        assertEquals(0, removed.exitCode(), removed::describe);
        long stopped = 0;
        for (JsonNode u : TestHost.json(removed).path("units")) {
            if (u.path("action").asText().equals("stop") && u.path("result").asText().equals("done")) {
                stopped++;
            }
        }
        assertEquals(UNITS, stopped, removed::describe);
        host.await(Duration.ofSeconds(60),
                () -> host.run("podman", "ps", "-aq", "--filter", "name=^systemd-load-").isBlank(),
                () -> host.run("podman", "ps", "-a"));
        assertEquals("", host.run("find", "/etc/containers/systemd", "-maxdepth", "1", "-name", "load-*"));
    }

    /**
     * The largest number of units that were starting at the same moment: from each unit's InactiveExit (its start
     * job began) to its ActiveEnter (running).
     */
    private int maxConcurrentStarts(List<String> names) {
        List<String> argv = new ArrayList<>(List.of("systemctl", "show", "-p", "Id",
                "-p", "InactiveExitTimestampMonotonic", "-p", "ActiveEnterTimestampMonotonic"));
        names.forEach(n -> argv.add(n + ".service"));
        String out = host.run(argv.toArray(String[]::new));
        List<long[]> spans = new ArrayList<>();
        long begin = -1;
        long end = -1;
        for (String line : (out + "\n\n").lines().toList()) {
            if (line.startsWith("InactiveExitTimestampMonotonic=")) {
                begin = Long.parseLong(line.substring(line.indexOf('=') + 1));
            } else if (line.startsWith("ActiveEnterTimestampMonotonic=")) {
                end = Long.parseLong(line.substring(line.indexOf('=') + 1));
            } else if (line.isBlank() && begin >= 0 && end >= 0) {
                spans.add(new long[] {begin, end});
                begin = -1;
                end = -1;
            }
        }
        assertEquals(names.size(), spans.size(), out);
        int best = 0;
        for (long[] s : spans) {
            // How many spans contain the moment this one began.
            int at = (int) spans.stream().filter(o -> o[0] <= s[0] && s[0] < o[1]).count();
            best = Math.max(best, at);
        }
        return best;
    }
}
