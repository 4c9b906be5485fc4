package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Units that depend on each other, installed and started by {@code berth apply}, under the test host's systemd: a
 * {@code .network}, a {@code .volume} and two {@code .container}s that use both start in dependency order and keep
 * the volume's data across {@code berth restart}; a {@code .pod} starts its two member containers after itself, and
 * {@code berth stop} of the pod stops them with it.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DependencyOrderE2ETest {

    private static final String NETWORK = "app-network.service";
    private static final String VOLUME = "app-data-volume.service";
    private static final String STORE = "app-store.service";
    private static final String WEB = "app-web.service";
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    @Test
    void networkVolumeAndContainersStartInDependencyOrderAndDataSurvivesRestart() {
        String site = "/root/e2e/app/";
        host.writeFile(site + "app.network", """
                [Network]
                Subnet=10.89.7.0/24
                """);
        host.writeFile(site + "app-data.volume", """
                [Volume]
                """);
        // Both containers append their name to a file in the volume when they start, then serve the volume. The
        // shell stays PID 1 with a TERM trap: a PID 1 without a handler ignores SIGTERM, podman would kill it
        // after 10 s and the unit would end "failed" (exit 137) instead of "inactive".
        host.writeFile(site + "app-store.container", """
                [Container]
                Image=localhost/busybox:latest
                Network=app.network
                Volume=app-data.volume:/data
                Exec=sh -c "trap 'exit 0' TERM; echo store >> /data/starts.txt; httpd -f -p 80 -h /data & wait"
                """);
        // Only the web container is enabled: apply starts it, systemd pulls in the rest first.
        host.writeFile(site + "app-web.container", """
                [Unit]
                Requires=app-store.service
                After=app-store.service

                [Container]
                Image=localhost/busybox:latest
                Network=app.network
                Volume=app-data.volume:/data
                PublishPort=8083:80
                Exec=sh -c "trap 'exit 0' TERM; echo web >> /data/starts.txt; httpd -f -p 80 -h /data & wait"

                [Install]
                WantedBy=multi-user.target
                """);
        TestHost.Result applied = host.berth("apply", "--format", "json", site);
        assertEquals(0, applied.exitCode(), applied::describe);
        assertEquals(List.of("app-web.service:start:done"), actedOn(TestHost.json(applied)), applied::describe);

        // berth generated the dependencies on the network and volume units.
        for (String unit : List.of(STORE, WEB)) {
            Set<String> requires = words(host.property(unit, "Requires"));
            Set<String> after = words(host.property(unit, "After"));
            assertTrue(requires.containsAll(Set.of(NETWORK, VOLUME)), unit + " Requires=" + requires);
            assertTrue(after.containsAll(Set.of(NETWORK, VOLUME)), unit + " After=" + after);
        }
        // Every unit up, by the names of their files, and started in order.
        for (String name : List.of("app.network", "app-data.volume", "app-store", "app-web")) {
            JsonNode row = host.berthStatus(name);
            assertEquals("active", row.path("state").path("activeState").asText(), row::toString);
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

        // Write through one container; it must survive both containers being recreated by berth restart.
        String token = UUID.randomUUID().toString();
        host.run("podman", "exec", "systemd-app-store", "sh", "-c", "printf %s \"$1\" > /data/token.txt", "sh",
                token);
        assertEquals(token, host.httpBody(8083, "/token.txt"));
        String storeContainer = containerId("systemd-app-store");

        TestHost.Result restarted = host.berth("restart", "app-store", "app-web");
        assertEquals(0, restarted.exitCode(), restarted::describe);
        assertEquals(List.of("restarted app-store.service", "restarted app-web.service"),
                restarted.stdout().lines().toList(), restarted::describe);
        assertNotEquals(storeContainer, containerId("systemd-app-store"), "restart must recreate the container");
        assertStartedBefore(STORE, WEB);
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8083, "/token.txt").equals("200"),
                () -> host.diagnose(WEB));
        assertEquals(token, host.httpBody(8083, "/token.txt"));

        // Stopping the store stops the web container too (Requires=), and both containers are removed.
        assertEquals(0, host.berth("stop", "app-store").exitCode());
        for (String name : List.of("app-store", "app-web")) {
            assertEquals("inactive", host.activeState(name), () -> host.diagnose(name + ".service"));
        }
        assertFalse(host.exec("podman", "container", "exists", "systemd-app-store").ok(), "container not removed");
        assertFalse(host.exec("podman", "container", "exists", "systemd-app-web").ok(), "container not removed");

        assertEquals(0, host.berth("start", "app-web").exitCode());
        assertStartedBefore(STORE, WEB);
        host.await(Duration.ofSeconds(60), () -> host.httpStatus(8083, "/token.txt").equals("200"),
                () -> host.diagnose(WEB));
        assertEquals(token, host.httpBody(8083, "/token.txt"));
        assertEquals(List.of("store", "store", "store", "web", "web", "web"),
                host.httpBody(8083, "/starts.txt").lines().sorted().toList());
    }

    @Test
    void podStartsItsTwoMembersAfterItselfAndStopsThemWithIt() {
        String site = "/root/e2e/shop/";
        host.writeFile(site + "shop.pod", """
                [Pod]
                PublishPort=8084:80

                [Install]
                WantedBy=multi-user.target
                """);
        host.writeFile(site + "shop-api.container", """
                [Container]
                Image=localhost/busybox:latest
                Pod=shop.pod
                Exec=sh -c "trap 'exit 0' TERM; mkdir -p /www; echo pod-api > /www/index.html; httpd -f -p 80 -h /www & wait"
                """);
        host.writeFile(site + "shop-worker.container", """
                [Container]
                Image=localhost/busybox:latest
                Pod=shop.pod
                Exec=sh -c "trap 'exit 0' TERM; sleep 100000 & wait"
                """);
        String pod = "shop-pod.service";
        List<String> members = List.of("shop-api.service", "shop-worker.service");

        // apply starts the enabled pod; the pod brings up its members, each after the pod is up.
        TestHost.Result applied = host.berth("apply", "--format", "json", site);
        assertEquals(0, applied.exitCode(), applied::describe);
        assertEquals(List.of(pod + ":start:done"), actedOn(TestHost.json(applied)), applied::describe);
        Set<String> wants = words(host.property(pod, "Wants"));
        assertTrue(wants.containsAll(members), pod + " Wants=" + wants);
        for (String member : members) {
            host.await(Duration.ofSeconds(60), () -> host.activeState(member).equals("active"),
                    () -> host.diagnose(member));
            assertStartedBefore(pod, member);
        }
        assertEquals("active", host.activeState("shop.pod"), () -> host.diagnose(pod));
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
        TestHost.Result stopped = host.berth("stop", "shop.pod");
        assertEquals(0, stopped.exitCode(), stopped::describe);
        for (String name : List.of("shop.pod", "shop-api", "shop-worker")) {
            assertEquals("inactive", host.activeState(name), () -> host.diagnose(name));
        }
        assertFalse(host.exec("podman", "pod", "exists", "systemd-shop").ok(), "pod not removed");
        // Removed, so that the shared host's later reboots do not bring the pod back: podman 5.4.2 can panic in the
        // state refresh after a power cut while a pod with --rm members exists (containers/podman#26469, fixed in
        // 5.5.2), and the unit whose podman did the refresh then fails (seen: RebootE2ETest's boot-web).
        host.berthOk("remove", "shop.pod", "shop-api.container", "shop-worker.container");
    }

    /** "unit:action:result" for each unit apply acted on (start, restart, stop). */
    private static List<String> actedOn(JsonNode report) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode u : report.path("units")) {
            if (!u.path("action").asText().equals("none")) {
                out.add(u.path("name").asText() + ":" + u.path("action").asText() + ":" + u.path("result").asText());
            }
        }
        return out;
    }

    private String containerId(String name) {
        return host.run("podman", "inspect", "--format", "{{.Id}}", name).strip();
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
