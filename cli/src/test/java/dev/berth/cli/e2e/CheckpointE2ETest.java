package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Checkpoint and restore through systemd (issue 8), with the {@link CounterContainer}. Migration between two hosts
 * is {@link MigrationE2ETest}.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
// The reboot may have to wait for another engineer's test host (up to berth.testhost.waitSeconds).
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class CheckpointE2ETest {

    private static final Duration UP = CounterContainer.UP;
    private static final String STORE = "/var/lib/berth/checkpoints/";
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    private static String counter(String image, String extra, String tail) {
        return CounterContainer.spec(image, extra, tail);
    }

    private void install(String name, String content) {
        CounterContainer.install(host, name, content);
    }

    private String[] count(String name) {
        return CounterContainer.count(host, name);
    }

    private void awaitCount(String name, int atLeast) {
        CounterContainer.awaitCount(host, name, atLeast);
    }

    private void assertRestoredUnderUnit(String name) {
        CounterContainer.assertRestoredUnderUnit(host, name);
    }

    /** Every file in the unit's store directory, temporary ones (.part) included. */
    private List<String> archives(String unit) {
        return host.exec("sh", "-c", "ls -1A " + STORE + unit + " 2>/dev/null").stdout().lines().toList();
    }

    /** A refused or failed checkpoint changed nothing: unit active, same MainPID, no restart, no file, no drop-in. */
    private void assertUntouched(String unit, long mainPid) {
        assertEquals("active", host.activeState(unit), () -> host.diagnose(unit));
        assertEquals(mainPid, host.longProperty(unit, "MainPID"));
        assertEquals("0", host.property(unit, "NRestarts"));
        assertTrue(archives(unit).isEmpty(), () -> String.join("\n", archives(unit)));
        assertEquals("", host.exec("ls", "/run/systemd/system/" + unit + ".d/zz-berth-checkpoint.conf").stdout());
    }

    @Test
    void checkpointThenRestoreContinuesTheCounterUnderTheUnit() {
        String name = "ckpt-counter";
        String unit = name + ".service";
        install(name, counter("localhost/busybox:latest", "", ""));
        host.berthOk("start", name);
        awaitCount(name, 5);
        String[] before = count(name);

        // A watcher notes the mode of every file in the store, as fast as it can, for the whole checkpoint.
        host.run("systemd-run", "--unit", "ckpt-mode-watch", "sh", "-c",
                "while [ ! -e /run/ckpt-watch.stop ]; do find " + STORE + " -printf '%m %p\\n' 2>/dev/null; "
                        + "done > /run/ckpt-modes.log");
        TestHost.Result ck = host.berth("checkpoint", "--print-stats", "--format", "json", name);
        host.run("touch", "/run/ckpt-watch.stop");
        assertEquals(0, ck.exitCode(), ck::describe);
        JsonNode doc = TestHost.json(ck);
        assertEquals("inactive", doc.path("activeState").asText(), ck::describe);
        assertEquals("success", doc.path("result").asText(), ck::describe);
        JsonNode md = doc.path("metadata");
        assertEquals(unit, md.path("unit").asText());
        assertEquals("localhost/busybox:latest", md.path("image").asText());
        assertTrue(md.path("imageDigest").asText().startsWith("sha256:"), md::toString);
        assertEquals("5.4.2", md.path("podmanVersion").asText());
        assertTrue(md.path("criuVersion").asText().startsWith("4.2"), md::toString);
        assertFalse(md.path("kernel").asText().isEmpty());
        assertTrue(md.path("specHash").asText().startsWith("sha256:"), md::toString);
        assertTrue(md.path("size").asLong() > 0);
        assertTrue(doc.path("criu").path("pagesWritten").asLong() > 0, doc::toString);
        assertTrue(doc.path("criu").path("frozenMicros").asLong() > 0, doc::toString);

        // No Restart= (the unit has Restart=always): still down a moment later, no restart counted.
        sleep(2000);
        assertEquals("inactive", host.activeState(unit), () -> host.diagnose(unit));
        assertEquals("success", host.property(unit, "Result"));
        assertEquals("0", host.property(unit, "NRestarts"));
        assertEquals("", host.exec("ls", "/run/systemd/system/" + unit + ".d/zz-berth-checkpoint.conf").stdout());

        // Archive and metadata 0600 in 0700 directories, at every moment the watcher saw, and no other user reads.
        String archive = doc.path("archive").asText();
        assertEquals("600", host.run("stat", "-c", "%a", archive).strip());
        assertEquals("600", host.run("stat", "-c", "%a", archive.replaceAll("\\.tar.*$", ".json")).strip());
        assertEquals("700", host.run("stat", "-c", "%a", STORE + unit).strip());
        assertEquals("700", host.run("stat", "-c", "%a", STORE).strip());
        host.await(Duration.ofSeconds(10), () -> host.property("ckpt-mode-watch.service", "ActiveState").equals("inactive"),
                () -> host.diagnose("ckpt-mode-watch.service"));
        List<String> seen = host.run("cat", "/run/ckpt-modes.log").lines().toList();
        assertTrue(seen.stream().anyMatch(l -> l.contains(unit + "/")), "the watcher saw no archive");
        for (String line : seen) {
            String mode = line.split(" ")[0];
            assertTrue(mode.equals("600") || mode.equals("700"), "readable by others at some point: " + line);
        }
        TestHost.Result other = host.execAs("berthuser", List.of("cat", archive));
        assertNotEquals(0, other.exitCode(), other::describe);

        TestHost.Result listed = host.berth("checkpoints", name);
        assertEquals(0, listed.exitCode(), listed::describe);
        assertTrue(listed.stdout().contains(archive), listed::describe);

        TestHost.Result rs = host.berth("restore", name);
        assertEquals(0, rs.exitCode(), rs::describe);
        assertTrue(rs.stdout().contains("restored " + unit), rs::describe);
        assertRestoredUnderUnit(name);
        String[] after = count(name);
        CounterContainer.assertContinues(before, after);
        assertEquals("", host.exec("ls", "/run/systemd/system/" + unit + ".d/zz-berth-restore.conf").stdout());

        // The restored unit stops cleanly.
        host.berthOk("stop", name);
        assertEquals("inactive", host.activeState(unit));
        assertEquals("success", host.property(unit, "Result"));
        assertEquals("0", host.property(unit, "NRestarts"));
    }

    @Test
    void checkpointOnStopAndRestoreOnStartAcrossAReboot() {
        String name = "ckpt-boot";
        String unit = name + ".service";
        install(name, counter("localhost/busybox:latest", "",
                "\n[X-Berth]\nCheckpointOnStop=true\nRestoreOnStart=latest\n\n[Install]\nWantedBy=multi-user.target"));
        assertTrue(host.run("systemctl", "cat", unit).contains("berth-unit-helper start latest"));
        host.await(UP, () -> host.activeState(unit).equals("active"), () -> host.diagnose(unit));
        awaitCount(name, 5);
        String[] before = count(name);
        // A plain systemctl stop checkpoints (the test host's "reboot" is a power cut, which runs no ExecStop).
        host.run("systemctl", "stop", unit);
        assertEquals("inactive", host.activeState(unit));
        assertEquals("success", host.property(unit, "Result"));
        assertEquals(2, archives(unit).size(), () -> String.join("\n", archives(unit)));

        host.reboot();
        host.await(Duration.ofSeconds(120), () -> host.activeState(unit).equals("active"),
                () -> host.diagnose(unit));
        assertTrue(host.run("cat", "/run/berth/units/" + unit + "/start.result").startsWith("restored "),
                () -> host.diagnose(unit));
        assertRestoredUnderUnit(name);
        String[] after = count(name);
        CounterContainer.assertContinues(before, after);
        String json = host.run("sh", "-c", "cat " + STORE + unit + "/*.json");
        assertTrue(json.contains("\"by\": \"CheckpointOnStop\""), json);
        // Stopping checkpoints again and ends cleanly; removed, so that later reboots of the shared host skip it.
        host.berthOk("stop", name);
        assertEquals("inactive", host.activeState(unit));
        assertEquals("success", host.property(unit, "Result"));
        assertTrue(archives(unit).size() >= 4, () -> String.join("\n", archives(unit)));
        host.berthOk("remove", name);
    }

    @Test
    void criuRefusalLeavesTheContainerRunning() {
        String name = "ckpt-tcp";
        String unit = name + ".service";
        // An established TCP connection inside the container: nc listening, nc connected to it (both fed by a
        // sleep, so that neither sees the end of its input and closes).
        install(name, """
                [Container]
                Image=localhost/busybox:latest
                Exec=sh -c "sleep 1000000 | nc -l -p 9000 > /dev/null & sleep 1; sleep 1000000 | nc 127.0.0.1 9000 > /dev/null & while true; do sleep 1; done"
                """);
        host.berthOk("start", name);
        host.await(UP, () -> host.exec("podman", "exec", "systemd-" + name, "sh", "-c",
                "grep -q ' 01 ' /proc/net/tcp").ok(), () -> host.diagnose(unit));
        long mainPid = host.longProperty(unit, "MainPID");
        TestHost.Result ck = host.berth("checkpoint", name);
        assertEquals(1, ck.exitCode(), ck::describe);
        assertTrue(ck.stderr().contains("tcp-established"), ck::describe);
        assertTrue(ck.stderr().contains("still running"), ck::describe);
        assertUntouched(unit, mainPid);
        assertEquals("running", host.run("podman", "inspect", "--format", "{{.State.Status}}",
                "systemd-" + name).strip());
        host.berthOk("stop", name);
    }

    @Test
    void brokenOrForeignArchivesAreRefusedAndKept() {
        String name = "ckpt-bad";
        String unit = name + ".service";
        install(name, counter("localhost/busybox:latest", "", ""));
        host.berthOk("start", name);
        awaitCount(name, 3);
        String[] before = count(name);
        JsonNode doc = TestHost.json(host.berth("checkpoint", "--format", "json", name));
        String archive = doc.path("archive").asText();
        // Truncated to half its size.
        host.run("sh", "-c", "truncate -s $(( $(stat -c %s " + archive + ") / 2 )) " + archive);
        String digest = host.run("sha256sum", archive);

        TestHost.Result failed = host.berth("restore", name);
        assertEquals(1, failed.exitCode(), failed::describe);
        assertTrue(failed.stderr().contains("restore of " + unit + " failed"), failed::describe);
        assertTrue(failed.stderr().contains("is kept"), failed::describe);
        assertNotEquals("active", host.activeState(unit));
        assertEquals(digest, host.run("sha256sum", archive));

        TestHost.Result cold = host.berth("restore", "--fallback", "cold", name);
        assertEquals(0, cold.exitCode(), cold::describe);
        assertTrue(cold.stdout().contains("started it fresh"), cold::describe);
        assertEquals("active", host.activeState(unit));
        assertNotEquals(before[0], count(name)[0], "cold start expected a new token");
        assertEquals(digest, host.run("sha256sum", archive));

        // An archive made for another image: a good archive of ckpt-bad, restored into a unit of another image.
        String good = TestHost.json(host.berth("checkpoint", "--format", "json", name)).path("archive").asText();
        host.run("podman", "tag", "localhost/busybox:latest", "localhost/other:latest");
        install("ckpt-other", counter("localhost/other:latest", "", ""));
        TestHost.Result foreign = host.berth("restore", "ckpt-other", "--from", good);
        assertEquals(1, foreign.exitCode(), foreign::describe);
        assertTrue(foreign.stderr().contains("was made for image localhost/busybox:latest"), foreign::describe);
        assertNotEquals("active", host.activeState("ckpt-other.service"));
        assertTrue(host.exec("test", "-f", good).ok());
        TestHost.Result fresh = host.berth("restore", "ckpt-other", "--from", good, "--fallback", "cold");
        assertEquals(0, fresh.exitCode(), fresh::describe);
        assertEquals("active", host.activeState("ckpt-other.service"));
        host.berthOk("stop", "ckpt-other");
    }

    @Test
    void noSpaceLeavesNoPartialArchiveAndTheContainerRunning() {
        String name = "ckpt-space";
        String unit = name + ".service";
        install(name, counter("localhost/busybox:latest", "", ""));
        host.berthOk("start", name);
        awaitCount(name, 2);
        host.run("mkdir", "-p", "-m", "0700", STORE + unit);
        host.run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", STORE + unit);
        try {
            long mainPid = host.longProperty(unit, "MainPID");
            TestHost.Result ck = host.berth("checkpoint", name);
            assertEquals(1, ck.exitCode(), ck::describe);
            assertTrue(ck.stderr().contains("not enough space"), ck::describe);
            assertEquals("active", host.activeState(unit));
            assertEquals(mainPid, host.longProperty(unit, "MainPID"));
            assertEquals("", host.run("ls", "-A", STORE + unit).strip());
        } finally {
            host.run("umount", STORE + unit);
        }
        // With room: --leave-running keeps the container and the unit running; --export writes a 0600 copy.
        long mainPid = host.longProperty(unit, "MainPID");
        TestHost.Result kept = host.berth("checkpoint", "--leave-running", "--export", "/root/space-export.tar.zst",
                "--format", "json", name);
        assertEquals(0, kept.exitCode(), kept::describe);
        JsonNode doc = TestHost.json(kept);
        assertTrue(doc.path("metadata").path("leftRunning").asBoolean(), kept::describe);
        assertEquals("active", doc.path("activeState").asText(), kept::describe);
        assertEquals("active", host.activeState(unit));
        assertEquals(mainPid, host.longProperty(unit, "MainPID"));
        assertEquals("600", host.run("stat", "-c", "%a", "/root/space-export.tar.zst").strip());
        assertEquals(host.run("stat", "-c", "%s", doc.path("archive").asText()).strip(),
                host.run("stat", "-c", "%s", "/root/space-export.tar.zst").strip());
        TestHost.Result pruned = host.berth("checkpoints", "prune", "--keep", "0", name);
        assertEquals(0, pruned.exitCode(), pruned::describe);
        assertTrue(archives(unit).isEmpty(), () -> String.join("\n", archives(unit)));
        host.berthOk("stop", name);
    }

    /**
     * The check up front counts memory only, and this container's changes to its root file system (8 MB of random
     * bytes, in the archive too) do not fit the 5 MiB store: the write fails after CRIU has dumped. The container was
     * frozen for the dump and is thawed: it goes on counting with the same token, the unit active with the same
     * MainPID, and no archive, partial or whole, is left.
     */
    @Test
    void noSpaceWhileWritingThawsTheContainer() {
        String name = "ckpt-full";
        String unit = name + ".service";
        install(name, """
                [Container]
                Image=localhost/busybox:latest
                Exec=sh -c "trap \\"exit 0\\" TERM; head -c 8000000 /dev/urandom > /ballast; t=$RANDOM$RANDOM; i=0; while true; do i=$((i+1)); echo \\"$t $i\\" > /tmp/count; sleep 0.2; done"
                """);
        host.berthOk("start", name);
        awaitCount(name, 3);
        host.run("mkdir", "-p", "-m", "0700", STORE + unit);
        host.run("mount", "-t", "tmpfs", "-o", "size=5m,mode=0700", "tmpfs", STORE + unit);
        try {
            long mainPid = host.longProperty(unit, "MainPID");
            String[] before = count(name);
            TestHost.Result ck = host.berth("checkpoint", name);
            assertEquals(1, ck.exitCode(), ck::describe);
            assertTrue(ck.stderr().contains("no space left on device"), ck::describe);
            assertTrue(ck.stderr().contains("still running"), ck::describe);
            assertUntouched(unit, mainPid);
            String[] after = count(name);
            CounterContainer.assertContinues(before, after);
            awaitCount(name, Integer.parseInt(after[1]) + 3);
        } finally {
            host.run("umount", STORE + unit);
        }
        host.berthOk("stop", name);
        assertEquals("inactive", host.activeState(unit));
    }

    @Test
    void rootlessIsRefusedPlainly() {
        TestHost.Result r = host.berth("checkpoint", "--user", "anything");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("need root"), r::describe);
        host.writeFile("/root/e2e/ckpt-user/u.container", counter("localhost/busybox:latest", "",
                "\n[X-Berth]\nCheckpointOnStop=true"));
        TestHost.Result check = host.berth("check", "--user", "/root/e2e/ckpt-user");
        assertTrue(check.stdout().contains("warning: CheckpointOnStop= and RestoreOnStart= are ignored in a user unit")
                || check.stderr().contains("warning: CheckpointOnStop= and RestoreOnStart= are ignored in a user unit"),
                check::describe);
    }

    @Test
    void migrateToADirectoryAndBack() {
        String name = "ckpt-mig";
        String unit = name + ".service";
        install(name, counter("localhost/busybox:latest", "", ""));
        host.berthOk("start", name);
        awaitCount(name, 5);
        String[] before = count(name);
        host.run("rm", "-rf", "/root/mig");
        TestHost.Result out = host.berth("migrate", name, "--to", "/root/mig");
        assertEquals(0, out.exitCode(), out::describe);
        assertEquals("inactive", host.activeState(unit));
        assertEquals("success", host.property(unit, "Result"));
        assertTrue(host.exec("test", "-f", "/root/mig/migration.json").ok());
        assertTrue(host.exec("test", "-f", "/root/mig/spec/" + name + ".container").ok());
        assertTrue(host.exec("test", "-f", "/root/mig/image.tar").ok());
        // What the target host would see: the unit's file and the checkpoints gone.
        host.berthOk("remove", name);
        host.run("rm", "-rf", STORE + unit);
        TestHost.Result in = host.berth("migrate", "--from", "/root/mig");
        assertEquals(0, in.exitCode(), in::describe);
        assertRestoredUnderUnit(name);
        String[] after = count(name);
        assertEquals(before[0], after[0]);
        assertTrue(Integer.parseInt(after[1]) >= Integer.parseInt(before[1]));
        host.berthOk("stop", name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
