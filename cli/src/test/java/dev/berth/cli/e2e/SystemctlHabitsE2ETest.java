package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * systemctl's habits against a real systemd 257 and podman: berth's is-active, is-failed, is-enabled, show, cat and
 * logs give the answers (and exit statuses) systemctl and the generator's files give, for units berth generated.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SystemctlHabitsE2ETest {

    private static final String SITE = "/root/e2e/habits";
    private TestHost host;

    @BeforeAll
    void install(TestHost shared) {
        host = shared;
        host.writeFile(SITE + "/habits-web.container", """
                [Unit]
                Description=busybox httpd for the systemctl habits

                [Container]
                Image=localhost/busybox:latest
                PublishPort=8091:80
                Exec=sh -c "mkdir -p /www && echo ok > /www/index.html && echo habits-ready && exec httpd -f -p 80 -h /www"
                """);
        host.writeFile(SITE + "/habits-fails.container", """
                [Container]
                Image=localhost/busybox:latest
                Exec=sh -c "echo habits-failing; exit 3"
                """);
        host.berthOk("apply", SITE);
    }

    private TestHost.Result berth(String... args) {
        return host.berth(args);
    }

    private TestHost.Result systemctl(String... args) {
        return host.exec(null, java.util.stream.Stream.concat(java.util.stream.Stream.of("systemctl"),
                java.util.stream.Stream.of(args)).toList());
    }

    @Test
    void isActiveAndIsFailedAgreeWithSystemctl() {
        host.berth("stop", "habits-web");
        TestHost.Result inactive = berth("is-active", "habits-web");
        assertEquals(3, inactive.exitCode(), inactive.describe());
        assertEquals(systemctl("is-active", "habits-web.service").stdout(), inactive.stdout());

        host.berthOk("start", "habits-web");
        TestHost.Result active = berth("is-active", "habits-web");
        assertEquals(0, active.exitCode(), active.describe());
        assertEquals("active\n", active.stdout());
        assertEquals(systemctl("is-active", "habits-web.service").stdout(), active.stdout());
        TestHost.Result before = berth("-q", "--no-pager", "is-active", "habits-web");
        assertEquals(List.of(0, ""), List.of(before.exitCode(), before.stdout()), "options before the command");
        // --user before the command is honoured: root's rootless search path has no habits-web.
        TestHost.Result user = berth("--user", "-q", "is-active", "habits-web");
        assertEquals(4, user.exitCode(), user.describe());
        assertTrue(user.stderr().contains("no unit named 'habits-web'"), user.describe());

        // The container exits 3; whether the start job or only the unit afterwards fails depends on when conmon
        // sent READY, so wait for the unit.
        berth("start", "habits-fails");
        host.await(java.time.Duration.ofSeconds(60), () -> berth("is-failed", "-q", "habits-fails").exitCode() == 0,
                () -> host.diagnose("habits-fails.service"));
        TestHost.Result failed = berth("is-failed", "habits-fails");
        assertEquals(0, failed.exitCode(), failed.describe());
        assertEquals("failed\n", failed.stdout());
        assertEquals(systemctl("is-failed", "habits-fails.service").stdout(), failed.stdout());
        assertEquals(1, berth("is-failed", "-q", "habits-web").exitCode());
    }

    @Test
    void anUnknownUnitExitsFourLikeSystemctlStatus() {
        assertEquals(4, systemctl("status", "no-such-habit.service").exitCode());
        TestHost.Result r = berth("status", "no-such-habit");
        assertEquals(4, r.exitCode(), r.describe());
        assertEquals(4, berth("is-active", "habits-wbe").exitCode());
    }

    @Test
    void showGivesSystemdsOwnValues() {
        host.berthOk("start", "habits-web");
        for (String property : List.of("ActiveState", "SubState", "MainPID", "NRestarts", "FragmentPath",
                "SourcePath", "LoadState")) {
            TestHost.Result ours = berth("show", "-p", property, "--value", "habits-web");
            assertEquals(0, ours.exitCode(), ours.describe());
            assertEquals(systemctl("show", "-p", property, "--value", "habits-web.service").stdout(), ours.stdout(),
                    property);
        }
    }

    @Test
    void isEnabledFollowsBerthEnable() {
        TestHost.Result before = berth("is-enabled", "habits-web");
        assertEquals(1, before.exitCode(), before.describe());
        assertEquals("disabled\n", before.stdout());
        host.berthOk("enable", "habits-web");
        try {
            assertEquals("enabled\n", host.berthOk("is-enabled", "habits-web"));
            String link = host.run("sh", "-c", "ls /run/systemd/generator/multi-user.target.wants/");
            assertTrue(link.contains("habits-web.service"), link);
            String status = host.berth("status", "habits-web").stdout(); // exit 3 when it is not running
            assertTrue(status.lines().anyMatch(l -> l.startsWith("habits-web.service") && l.contains(" enabled ")),
                    status);
        } finally {
            host.berthOk("disable", "habits-web");
        }
        assertEquals("disabled\n", berth("is-enabled", "habits-web").stdout());
    }

    @Test
    void catShowsTheSourceAndTheUnitSystemdRuns() {
        String out = host.berthOk("cat", "habits-web");
        assertTrue(out.startsWith("# " + SITE.replace("/root/e2e/habits", "/etc/containers/systemd")
                + "/habits-web.container\n"), out);
        String generated = out.substring(out.indexOf("# habits-web.service (generated by berth"));
        String body = generated.substring(generated.indexOf('\n') + 1);
        String onDisk = host.run("cat", "/run/systemd/generator/habits-web.service");
        assertTrue(onDisk.endsWith(body), "berth cat shows what berth-generator wrote:\n" + body + "\n---\n" + onDisk);
    }

    @Test
    void logsOfSeveralUnitsWithFilters() {
        host.berthOk("restart", "habits-web");
        berth("start", "habits-fails");
        // systemd's own lines about the units (the container's output may go to another log driver).
        String started = "Started habits-web.service - busybox httpd for the systemctl habits";
        host.await(java.time.Duration.ofSeconds(30), () -> host.berthOk("logs", "habits-web").contains(started),
                () -> host.diagnose("habits-web.service"));
        String both = host.berthOk("logs", "--since", "-10min", "-b", "habits-web", "habits-fails");
        assertTrue(both.contains(started) && both.contains("Starting habits-fails.service"), both);
        String grep = host.berthOk("logs", "--grep", "Starting habits-f", "habits-web", "habits-fails");
        assertTrue(grep.contains("Starting habits-fails.service") && !grep.contains(started), grep);
        String err = host.berthOk("logs", "-p", "err", "habits-web");
        assertTrue(!err.contains(started), "-p err leaves out info lines: " + err);
        assertEquals("-- No entries --\n", host.berthOk("logs", "--grep", "no-such-text-anywhere", "habits-web"));
        assertEquals("-- No entries --\n", host.berthOk("logs", "--until", "2001-01-01", "habits-web"));
    }

    @Test
    void noBlockAndTimeout() {
        host.berthOk("stop", "habits-web");
        assertEquals("queued start habits-web.service\n", host.berthOk("start", "--no-block", "habits-web"));
        host.await(java.time.Duration.ofSeconds(60), () -> berth("is-active", "-q", "habits-web").exitCode() == 0,
                () -> host.diagnose("habits-web.service"));
        assertEquals("stopped habits-web.service\n", host.berthOk("stop", "--timeout", "90s", "habits-web"));
    }
}
