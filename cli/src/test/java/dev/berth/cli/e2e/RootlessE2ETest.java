package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A rootless unit: {@code berthuser} (uid 1000), lingering, runs {@code berth apply --user} and
 * {@code berth status --user}; the container runs under that user's own systemd ({@code user@1000.service}), as
 * that user, with a published port (pasta), and comes back after a reboot with no command given.
 *
 * <p>Two things of this machine had to be dealt with in the test host, never on the machine itself (see
 * packaging/testhost/README.md): it boots in a cgroup namespace, or podman would read the machine's v1 memberships
 * in {@code /proc/self/cgroup} as paths of the test host's cgroup2 tree and fail under a user unit; and its
 * {@code /dev/net/tun} is a node of its own, mode 0666 as on any Debian host, bound over the machine's 0600 one
 * inside the test host only, or pasta cannot open it.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
// A reboot may have to wait for another engineer's test host (up to berth.testhost.waitSeconds, 30 min).
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class RootlessE2ETest {

    private static final String USER = "berthuser";
    private static final String HOME = "/home/berthuser";
    private static final String USER_MANAGER = "user@1000.service";
    private static final Duration START = Duration.ofSeconds(60);
    private TestHost host;

    @BeforeAll
    void lingeringUser(TestHost shared) {
        host = shared;
        host.run("loginctl", "enable-linger", USER);
        host.await(Duration.ofSeconds(30), () -> host.property(USER_MANAGER, "ActiveState").equals("active"),
                () -> host.diagnose(USER_MANAGER));
        // Rootless podman has its own image store.
        host.runAs(USER, "podman", "import", "--quiet", "/var/lib/berth-testhost/busybox.tar",
                "localhost/busybox:latest");
    }

    @Test
    void applyAndStatusWithUserRunUnderTheUsersOwnSystemd() {
        String site = HOME + "/e2e/rootless";
        host.runAs(USER, "mkdir", "-p", site);
        String content = """
                [Unit]
                Description=rootless busybox httpd

                [Container]
                Image=localhost/busybox:latest
                PublishPort=9180:80
                Exec=sh -c "mkdir -p /www && echo rootless > /www/index.html && exec httpd -f -p 80 -h /www"

                [Install]
                WantedBy=default.target
                """;
        TestHost.Result written = host.exec(content, List.of("setpriv", "--reuid=" + USER, "--regid=" + USER,
                "--init-groups", "tee", site + "/rweb.container"));
        assertTrue(written.ok(), written::describe);

        TestHost.Result applied = host.execAs(USER, List.of("berth", "apply", "--user", site));
        assertEquals(0, applied.exitCode(), applied::describe);
        String installed = HOME + "/.config/containers/systemd/rweb.container";
        assertTrue(applied.stdout().contains("+++ " + installed), applied::describe);
        assertTrue(applied.stdout().lines().anyMatch(l -> l.startsWith("started rweb.service")), applied::describe);
        assertEquals(USER + " " + USER, host.run("stat", "-c", "%U %G", installed).strip());

        JsonNode row = host.berthStatusAs(USER, "rweb");
        JsonNode state = row.path("state");
        assertTrue(row.path("managed").asBoolean(), row::toString);
        assertEquals(installed, state.path("sourcePath").asText(), row::toString);
        assertEquals("active", state.path("activeState").asText(), () -> userDiagnosis("rweb.service"));
        assertTrue(state.path("fragmentPath").asText().startsWith("/run/user/1000/systemd/generator/"), row::toString);

        // Under the user's own manager, as the user: conmon (the main PID) is in user@1000.service's cgroup tree.
        long mainPid = state.path("mainPid").asLong();
        assertTrue(mainPid > 1, row::toString);
        assertEquals("1000", host.run("ps", "-o", "uid=", "-p", Long.toString(mainPid)).strip());
        String cgroup = host.run("cat", "/proc/" + mainPid + "/cgroup");
        assertTrue(cgroup.contains("0::/user.slice/user-1000.slice/" + USER_MANAGER + "/"), cgroup);
        assertTrue(cgroup.contains("/rweb.service"), cgroup);
        // The system manager has no such unit, and root's podman no such container.
        assertEquals("not-found", host.property("rweb.service", "LoadState"));
        assertFalse(host.exec("podman", "container", "exists", "systemd-rweb").ok());
        assertTrue(host.runAs(USER, "podman", "container", "exists", "systemd-rweb").isEmpty());

        // The published port answers (pasta; IPv4: the test host has no IPv6 route, so pasta forwards no ::1).
        host.await(START, () -> host.httpStatus("127.0.0.1", 9180, "/").equals("200"),
                () -> userDiagnosis("rweb.service"));
        assertEquals("rootless\n", host.run("curl", "-s", "-m", "5", "http://127.0.0.1:9180/"));

        // The text view, for people.
        String table = host.runAs(USER, "berth", "status", "--user");
        assertTrue(table.lines().anyMatch(l -> l.startsWith("rweb.service") && l.contains("active (running)")
                && l.contains(installed)), table);

        // berth logs --user: the unit's lines from the journal.
        TestHost.Result logs = host.execAs(USER, List.of("berth", "logs", "--user", "-n", "5", "rweb"));
        assertEquals(0, logs.exitCode(), logs::describe);
        List<String> lines = logs.stdout().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(!lines.isEmpty() && lines.size() <= 5 && lines.stream().allMatch(l -> l.contains("rweb.service")),
                logs::describe);

        // Lingering: after a reboot the user's manager starts at boot, runs berth's user generator, and its
        // default.target brings the unit back, with no command given.
        host.reboot();
        host.await(Duration.ofSeconds(90), () -> host.property(USER_MANAGER, "ActiveState").equals("active"),
                () -> host.diagnose(USER_MANAGER));
        host.await(Duration.ofSeconds(90),
                () -> host.berthStatusAs(USER, "rweb").path("state").path("activeState").asText().equals("active"),
                () -> userDiagnosis("rweb.service"));
        host.await(START, () -> host.httpStatus("127.0.0.1", 9180, "/").equals("200"),
                () -> userDiagnosis("rweb.service"));
    }

    private String userDiagnosis(String unit) {
        return host.execAs(USER, List.of("systemctl", "--user", "status", "--no-pager", "--full", unit)).stdout()
                + "\n--- journal\n" + host.exec("journalctl", "--no-pager", "-n", "40", "_UID=1000").stdout();
    }
}
