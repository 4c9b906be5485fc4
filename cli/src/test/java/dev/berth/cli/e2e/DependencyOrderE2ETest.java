package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Units that depend on each other, as berth generates them, under the test host's systemd: a {@code .network}, a
 * {@code .volume} and two {@code .container}s that use both start in dependency order and keep the volume's data
 * across a restart; a {@code .pod} starts its two member containers after itself, and stops them with it.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one test host per class, in an instance field
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DependencyOrderE2ETest {

    private static final String NETWORK = "app-network.service";
    private static final String VOLUME = "app-data-volume.service";
    private static final String STORE = "app-store.service";
    private static final String WEB = "app-web.service";
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
    void networkVolumeAndContainersStartInDependencyOrderAndDataSurvivesRestart() {
        String dir = "/etc/containers/systemd/";
        host.writeFile(dir + "app.network", """
                [Network]
                Subnet=10.89.7.0/24
                """);
        host.writeFile(dir + "app-data.volume", """
                [Volume]
                """);
        // Both containers append their name to a file in the volume when they start, then serve the volume. The
        // shell stays PID 1 with a TERM trap: a PID 1 without a handler ignores SIGTERM, podman would kill it
        // after 10 s and the unit would end "failed" (exit 137) instead of "inactive".
        host.writeFile(dir + "app-store.container", """
                [Container]
                Image=localhost/busybox:latest
                Network=app.network
                Volume=app-data.volume:/data
                Exec=sh -c "trap 'exit 0' TERM; echo store >> /data/starts.txt; httpd -f -p 80 -h /data & wait"
                """);
        host.writeFile(dir + "app-web.container", """
                [Unit]
                Requires=app-store.service
                After=app-store.service

                [Container]
                Image=localhost/busybox:latest
                Network=app.network
                Volume=app-data.volume:/data
                PublishPort=8083:80
                Exec=sh -c "trap 'exit 0' TERM; echo web >> /data/starts.txt; httpd -f -p 80 -h /data & wait"
                """);
        host.run("systemctl", "daemon-reload");

        // berth generated the dependencies on the network and volume units.
        for (String unit : List.of(STORE, WEB)) {
            Set<String> requires = words(host.property(unit, "Requires"));
            Set<String> after = words(host.property(unit, "After"));
            assertTrue(requires.containsAll(Set.of(NETWORK, VOLUME)), unit + " Requires=" + requires);
            assertTrue(after.containsAll(Set.of(NETWORK, VOLUME)), unit + " After=" + after);
        }

        // Start only the web container: the rest must be pulled in.
        host.run("systemctl", "start", WEB);
        for (String unit : List.of(NETWORK, VOLUME, STORE, WEB)) {
            assertEquals("active", host.property(unit, "ActiveState"), () -> host.diagnose(unit));
        }
        assertStartedBefore(NETWORK, STORE);
        assertStartedBefore(VOLUME, STORE);
        assertStartedBefore(NETWORK, WEB);
        assertStartedBefore(VOLUME, WEB);
        assertStartedBefore(STORE, WEB);

        // The podman objects exist under Quadlet's names, and both containers are on the network.
        host.run("podman", "network", "exists", "systemd-app");
        host.run("podman", "volume", "exists", "systemd-app-data");
        assertEquals("10.89.7.0/24", host.run("podman", "network", "inspect", "--format",
                "{{range .Subnets}}{{.Subnet}}{{end}}", "systemd-app").strip());
        for (String container : List.of("systemd-app-store", "systemd-app-web")) {
            String networks = host.run("podman", "inspect", "--format",
                    "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}", container);
            assertEquals(Set.of("systemd-app"), words(networks), container);
        }
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8083, "/starts.txt").equals("200"),
                () -> host.diagnose(WEB));
        assertEquals(Set.of("store", "web"), Set.copyOf(host.httpBody(8083, "/starts.txt").lines().toList()));
        // They talk over that network, by name (netavark's DNS).
        TestHost.Result fetched = host.exec("podman", "exec", "systemd-app-web", "wget", "-q", "-T", "5", "-O", "-",
                "http://systemd-app-store/starts.txt");
        assertTrue(fetched.ok() && fetched.stdout().lines().anyMatch("store"::equals), fetched::describe);

        // Write through one container; it must survive both containers being removed and started again.
        String token = UUID.randomUUID().toString();
        host.run("podman", "exec", "systemd-app-store", "sh", "-c", "printf %s \"$1\" > /data/token.txt", "sh",
                token);
        assertEquals(token, host.httpBody(8083, "/token.txt"));

        host.run("systemctl", "stop", STORE); // stops the web container too (Requires=)
        for (String unit : List.of(STORE, WEB)) {
            assertEquals("inactive", host.property(unit, "ActiveState"), () -> host.diagnose(unit));
        }
        assertFalse(host.exec("podman", "container", "exists", "systemd-app-store").ok(), "container not removed");
        assertFalse(host.exec("podman", "container", "exists", "systemd-app-web").ok(), "container not removed");

        host.run("systemctl", "start", WEB);
        assertStartedBefore(STORE, WEB);
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8083, "/token.txt").equals("200"),
                () -> host.diagnose(WEB));
        assertEquals(token, host.httpBody(8083, "/token.txt"));
        assertEquals(List.of("store", "store", "web", "web"),
                host.httpBody(8083, "/starts.txt").lines().sorted().toList());
    }

    @Test
    void podStartsItsTwoMembersAfterItselfAndStopsThemWithIt() {
        String dir = "/etc/containers/systemd/";
        host.writeFile(dir + "shop.pod", """
                [Pod]
                PublishPort=8084:80
                """);
        host.writeFile(dir + "shop-api.container", """
                [Container]
                Image=localhost/busybox:latest
                Pod=shop.pod
                Exec=sh -c "trap 'exit 0' TERM; mkdir -p /www; echo pod-api > /www/index.html; httpd -f -p 80 -h /www & wait"
                """);
        host.writeFile(dir + "shop-worker.container", """
                [Container]
                Image=localhost/busybox:latest
                Pod=shop.pod
                Exec=sh -c "trap 'exit 0' TERM; sleep 100000 & wait"
                """);
        host.run("systemctl", "daemon-reload");
        String pod = "shop-pod.service";
        List<String> members = List.of("shop-api.service", "shop-worker.service");
        Set<String> wants = words(host.property(pod, "Wants"));
        assertTrue(wants.containsAll(members), pod + " Wants=" + wants);

        // Starting the pod alone brings up its members, each after the pod is up.
        host.run("systemctl", "start", pod);
        for (String member : members) {
            host.await(Duration.ofSeconds(60), () -> host.property(member, "ActiveState").equals("active"),
                    () -> host.diagnose(member));
            assertStartedBefore(pod, member);
        }
        assertEquals("active", host.property(pod, "ActiveState"), () -> host.diagnose(pod));
        assertEquals(Set.of("systemd-shop-infra", "systemd-shop-api", "systemd-shop-worker"),
                words(host.run("podman", "pod", "inspect", "--format",
                        "{{range .Containers}}{{.Name}} {{end}}", "systemd-shop")));

        // The pod's port reaches the api member; the worker reaches it over the pod's shared localhost.
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8084, "/").equals("200"),
                () -> host.diagnose("shop-api.service"));
        assertEquals("pod-api\n", host.httpBody(8084, "/"));
        assertEquals("pod-api\n", host.run("podman", "exec", "systemd-shop-worker", "wget", "-q", "-T", "5", "-O",
                "-", "http://localhost:80/"));

        // Stopping the pod stops its members (BindsTo=), cleanly, and removes the pod.
        host.run("systemctl", "stop", pod);
        for (String unit : List.of(pod, "shop-api.service", "shop-worker.service")) {
            assertEquals("inactive", host.property(unit, "ActiveState"), () -> host.diagnose(unit));
        }
        assertFalse(host.exec("podman", "pod", "exists", "systemd-shop").ok(), "pod not removed");
    }

    /** {@code first} was active before {@code second} began to start (its latest activation). */
    private void assertStartedBefore(String first, String second) {
        long active = host.longProperty(first, "ActiveEnterTimestampMonotonic");
        long starting = host.longProperty(second, "InactiveExitTimestampMonotonic");
        assertTrue(active > 0 && starting > 0 && active <= starting,
                first + " became active at " + active + ", " + second + " started at " + starting);
    }

    private static Set<String> words(String value) {
        return Set.copyOf(Arrays.stream(value.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
    }
}
