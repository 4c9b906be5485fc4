package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code [Install] WantedBy=multi-user.target} in a {@code .container}: berth's generator, run by systemd at
 * boot, makes the wants link, so after a reboot of the test host the container runs again with no command given.
 * A unit without {@code [Install]} is the control: it stays down.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one test host per class, in an instance field
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RebootE2ETest {

    private TestHost host;

    @BeforeAll
    void bootTestHost() {
        host = TestHost.bootWithBerth();
    }

    @AfterAll
    void destroyTestHost() {
        if (host != null) {
            host.destroy();
        }
    }

    @Test
    void wantedByMultiUserComesBackAfterReboot() {
        host.writeFile("/etc/containers/systemd/boot-web.container",
                WebContainerE2ETest.webContainer("started at boot", 8090, "") + """

                        [Install]
                        WantedBy=multi-user.target
                        """);
        host.writeFile("/etc/containers/systemd/manual-web.container",
                WebContainerE2ETest.webContainer("started by hand only", 8091, ""));
        host.run("systemctl", "daemon-reload");
        // The generator made the [Install] link itself (systemctl enable refuses generated units).
        assertTrue(host.run("ls", "/run/systemd/generator/multi-user.target.wants").lines()
                .anyMatch("boot-web.service"::equals), "no wants link for boot-web.service");

        host.run("systemctl", "start", "boot-web.service", "manual-web.service");
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8090, "/").equals("200")
                && host.httpStatus(8091, "/").equals("200"), () -> host.diagnose("boot-web.service"));
        String containerBefore = host.run("podman", "inspect", "--format", "{{.Id}}", "systemd-boot-web").strip();
        long initBefore = host.initPid();

        long t0 = System.nanoTime();
        host.reboot();
        assertNotEquals(initBefore, host.initPid(), "reboot.sh did not boot a new init");

        // At boot, systemd ran berth's generator with the JDK that boot.sh bound in again before pivot_root.
        assertTrue(host.run("findmnt", "-n", "-o", "OPTIONS", "--target", "/usr/lib/jvm/temurin-25-jdk-amd64")
                .startsWith("ro"));
        assertTrue(host.run("head", "-n", "3", "/run/systemd/generator/boot-web.service")
                .contains("berth-generator"));

        // No command is given: only observe.
        host.await(Duration.ofSeconds(90), () -> host.property("boot-web.service", "ActiveState").equals("active"),
                () -> host.diagnose("boot-web.service"));
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8090, "/").equals("200"),
                () -> host.diagnose("boot-web.service"));
        System.err.printf("[e2e] boot-web.service answering %d ms after the reboot began%n",
                (System.nanoTime() - t0) / 1_000_000);

        assertEquals("0", host.property("boot-web.service", "NRestarts"));
        assertNotEquals(containerBefore,
                host.run("podman", "inspect", "--format", "{{.Id}}", "systemd-boot-web").strip(),
                "the container should be a new one, started at boot");
        assertTrue(host.run("journalctl", "-b", "--no-pager", "-o", "cat", "-u", "boot-web.service")
                .contains("Started boot-web.service"), () -> host.diagnose("boot-web.service"));

        // The control: generated, but not wanted by anything, so still down.
        assertEquals("loaded", host.property("manual-web.service", "LoadState"));
        assertEquals("inactive", host.property("manual-web.service", "ActiveState"));
        assertEquals("000", host.httpStatus(8091, "/"));
    }
}
