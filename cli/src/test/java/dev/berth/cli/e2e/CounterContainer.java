package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * The counter container of the checkpoint tests (issue 8): a busybox shell that counts in memory and writes
 * "TOKEN COUNT" to /tmp/count, TOKEN being random per start, so a restored container (same token, count at least
 * where it was) is told apart from a fresh one (new token). Its unit is {@code NAME.service}, its container
 * {@code systemd-NAME}.
 */
final class CounterContainer {

    static final Duration UP = Duration.ofSeconds(60);

    private CounterContainer() {
    }

    /** The unit file; {@code extra} goes into [Container] (before Exec), {@code tail} after the sections. */
    static String spec(String image, String extra, String tail) {
        return """
                [Container]
                Image=%s
                %s
                Exec=sh -c "trap \\"exit 0\\" TERM; t=$RANDOM$RANDOM; i=0; while true; do i=$((i+1)); echo \\"$t $i\\" > /tmp/count; sleep 0.2; done"

                [Service]
                Restart=always
                %s
                """.formatted(image, extra, tail);
    }

    /** Writes NAME.container into a site directory of its own and applies it. */
    static void install(TestHost host, String name, String content) {
        String site = "/root/e2e/" + name;
        host.writeFile(site + "/" + name + ".container", content);
        host.berthOk("apply", site);
    }

    /** [token, count] of the running container. */
    static String[] count(TestHost host, String name) {
        String[] tc = new String[2];
        host.await(UP, () -> {
            TestHost.Result r = host.exec("podman", "exec", "systemd-" + name, "cat", "/tmp/count");
            String[] w = r.stdout().strip().split(" ");
            if (r.ok() && w.length == 2) {
                tc[0] = w[0];
                tc[1] = w[1];
                return true;
            }
            return false;
        }, () -> host.diagnose(name + ".service"));
        return tc;
    }

    static void awaitCount(TestHost host, String name, int atLeast) {
        host.await(UP, () -> Integer.parseInt(count(host, name)[1]) >= atLeast,
                () -> host.diagnose(name + ".service"));
    }

    /** The same token as {@code before} (the state came back, not a fresh start) and a count not gone back. */
    static void assertContinues(String[] before, String[] after) {
        assertEquals(before[0], after[0], "a fresh container (new token), not the restored one");
        assertTrue(Integer.parseInt(after[1]) >= Integer.parseInt(before[1]),
                "count went back: " + before[1] + " -> " + after[1]);
    }

    /** MainPID is conmon, in UNIT/runtime, and the payload is inside the unit's cgroup too. */
    static void assertRestoredUnderUnit(TestHost host, String name) {
        String unit = name + ".service";
        assertEquals("active", host.activeState(unit), () -> host.diagnose(unit));
        long mainPid = host.longProperty(unit, "MainPID");
        assertEquals("conmon", host.run("cat", "/proc/" + mainPid + "/comm").strip());
        assertTrue(host.run("cat", "/proc/" + mainPid + "/cgroup").contains("0::/system.slice/" + unit + "/runtime"),
                () -> host.run("cat", "/proc/" + mainPid + "/cgroup"));
        String payload = host.run("podman", "inspect", "--format", "{{.State.Pid}}", "systemd-" + name).strip();
        assertTrue(host.run("cat", "/proc/" + payload + "/cgroup").contains("0::/system.slice/" + unit + "/"),
                () -> host.run("cat", "/proc/" + payload + "/cgroup"));
        assertEquals(String.valueOf(mainPid),
                host.run("podman", "inspect", "--format", "{{.State.ConmonPid}}", "systemd-" + name).strip());
    }
}
