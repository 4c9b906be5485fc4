package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Ansible collection ({@code packaging/ansible}) under Debian's {@code ansible-core}, installed in the test-host
 * rootfs by the recipe and run inside the test host with a local connection ({@code exec.sh ansible-playbook -c
 * local}): the example playbook {@code provision.yml} installs its specs (changed), again (no change), in check
 * mode with a changed spec (changed reported, nothing changed, berth's diff shown), removes them (changed) and
 * again (no change); a broken spec fails with berth's file:line:col problem and fix. {@code units.yml} drives
 * {@code berth_unit} and {@code berth_info} through stop, start, restart, disable and enable, each twice.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class AnsibleE2ETest {

    private static final String HOME = "/root/e2e/ansible";
    private static final String INSTALLED = "/etc/containers/systemd/hello.container";
    private static final Pattern RECAP = Pattern.compile(
            "localhost\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");
    private TestHost host;

    @BeforeAll
    void copyTheCollectionIn(TestHost shared) throws IOException {
        host = shared;
        Path repo = Path.of(System.getProperty("berth.repo.root", "..")).toAbsolutePath().normalize();
        Path ansible = repo.resolve("packaging/ansible");
        try (Stream<Path> files = Files.walk(ansible)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                host.writeFile(HOME + "/" + ansible.relativize(f), Files.readString(f));
            }
        }
        host.writeFile(HOME + "/units.yml", resource("ansible/units.yml"));
        assertTrue(host.run("ansible-playbook", "--version").startsWith("ansible-playbook [core 2."),
                "ansible-core from the test-host rootfs");
    }

    /** The play's recap for localhost: ok, changed, unreachable, failed. */
    record Recap(int ok, int changed, int unreachable, int failed) {
    }

    private TestHost.Result playbook(String playbook, String... extra) {
        List<String> argv = new ArrayList<>(List.of("env", "ANSIBLE_COLLECTIONS_PATH=" + HOME, "ANSIBLE_NOCOLOR=1",
                "ANSIBLE_LOCALHOST_WARNING=False", "ANSIBLE_RETRY_FILES_ENABLED=False",
                "ansible-playbook", "-i", "localhost,", "-c", "local",
                "-e", "ansible_python_interpreter=/usr/bin/python3", HOME + "/" + playbook));
        argv.addAll(List.of(extra));
        return host.exec(null, argv);
    }

    private static Recap recap(TestHost.Result r) {
        Matcher m = RECAP.matcher(r.stdout());
        if (!m.find()) {
            fail("no PLAY RECAP for localhost: " + r.describe());
        }
        return new Recap(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    private Recap succeeded(TestHost.Result r) {
        Recap recap = recap(r);
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(0, recap.failed(), r::describe);
        assertEquals(0, recap.unreachable(), r::describe);
        return recap;
    }

    @Test
    void provisionIsIdempotentCheckModeChangesNothingAndAbsentTwice() {
        host.run("mkdir", "-p", HOME + "/broken", HOME + "/changed");

        // 1. First run: installs and starts; reports changed.
        TestHost.Result first = playbook("provision.yml");
        assertEquals(1, succeeded(first).changed(), first::describe);
        assertEquals(host.run("cat", HOME + "/specs/hello.container"), host.run("cat", INSTALLED));
        assertEquals("active", host.activeState("hello"), () -> host.diagnose("hello.service"));
        host.await(Duration.ofSeconds(60), () -> "200".equals(host.httpStatus("127.0.0.1", 8090, "/")),
                () -> host.diagnose("hello.service"));
        assertEquals("hello from ansible\n", host.httpBody(8090, "/index.html"));
        String invocation = host.property("hello.service", "InvocationID");

        // 2. Second run: nothing changes, not even the running unit.
        TestHost.Result second = playbook("provision.yml");
        assertEquals(0, succeeded(second).changed(), second::describe);
        assertEquals(invocation, host.property("hello.service", "InvocationID"));

        // berth_unit and berth_info (they leave hello running and enabled).
        TestHost.Result units = playbook("units.yml");
        succeeded(units);
        assertEquals("active", host.activeState("hello"), () -> host.diagnose("hello.service"));
        invocation = host.property("hello.service", "InvocationID");

        // 3. Check mode with a changed spec: reports the change and berth's diff, changes nothing.
        host.writeFile(HOME + "/changed/hello.container",
                host.run("cat", HOME + "/specs/hello.container").replace("8090:80", "8091:80"));
        host.run("cp", HOME + "/specs/hello-data.volume", HOME + "/changed/");
        // A secret beside them (0600): diff mode must not show its content.
        host.writeFile(HOME + "/changed/hello.env", "TOKEN=hunter2\n");
        host.run("chmod", "0600", HOME + "/changed/hello.env");
        String before = host.fileDigests("/etc/containers/systemd");
        TestHost.Result check = playbook("provision.yml", "--check", "--diff", "-e", "specs_dir=" + HOME + "/changed");
        assertEquals(1, succeeded(check).changed(), check::describe);
        assertTrue(check.stdout().contains("-PublishPort=8090:80"), check::describe);
        assertTrue(check.stdout().contains("+PublishPort=8091:80"), check::describe);
        assertTrue(check.stdout().contains("/etc/containers/systemd/hello.env: content changed (not shown"),
                check::describe);
        assertFalse(check.stdout().contains("hunter2"), check::describe);
        assertEquals(before, host.fileDigests("/etc/containers/systemd"), "check mode changed the install directory");
        assertEquals(invocation, host.property("hello.service", "InvocationID"), "check mode restarted the unit");
        assertNotEquals("200", host.httpStatus("127.0.0.1", 8091, "/"));

        // A broken spec: the play fails with berth's file:line:col, problem and fix; nothing changes.
        host.writeFile(HOME + "/broken/hello.container",
                host.run("cat", HOME + "/specs/hello.container").replace("PublishPort=", "PublishPorts="));
        TestHost.Result broken = playbook("provision.yml", "-e", "specs_dir=" + HOME + "/broken");
        assertNotEquals(0, broken.exitCode(), broken::describe);
        assertEquals(1, recap(broken).failed(), broken::describe);
        assertTrue(broken.stdout().matches("(?s).*hello\\.container:\\d+:\\d+: error: .*PublishPorts.*"),
                broken::describe);
        assertTrue(broken.stdout().contains("fix: "), broken::describe);
        assertEquals(before, host.fileDigests("/etc/containers/systemd"));
        assertEquals(invocation, host.property("hello.service", "InvocationID"));

        // 4. Absent: stops and removes; reports changed.
        TestHost.Result absent = playbook("provision.yml", "-e", "berth_state=absent");
        assertEquals(1, succeeded(absent).changed(), absent::describe);
        assertFalse(host.exec("test", "-e", INSTALLED).ok(), "hello.container is still installed");
        assertFalse(host.exec("test", "-e", "/etc/containers/systemd/hello-data.volume").ok());
        assertNotEquals("active", host.property("hello.service", "ActiveState"));

        // 5. Absent again: already gone, no change.
        TestHost.Result again = playbook("provision.yml", "-e", "berth_state=absent");
        assertEquals(0, succeeded(again).changed(), again::describe);
    }

    private static String resource(String name) {
        try (InputStream in = AnsibleE2ETest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                fail("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
