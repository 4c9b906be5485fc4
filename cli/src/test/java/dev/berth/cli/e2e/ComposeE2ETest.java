package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Compose application migrated with {@code berth convert} and installed with {@code berth apply}, under the test
 * host's systemd: a database with a health check, an init job that needs the database healthy and must finish,
 * and a web front that needs both. They start in {@code depends_on} order (each writes its name into a shared
 * volume when it starts, and systemd's activation times agree), the init job reaches the database by its service
 * name, and the web front answers on its published port.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedTestHost.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ComposeE2ETest {

    private static final Duration START = Duration.ofSeconds(120);
    private TestHost host;

    @BeforeAll
    void useTestHost(TestHost shared) {
        host = shared;
    }

    static final String COMPOSE = """
            name: shop
            services:
              shopweb:
                image: localhost/busybox:${TAG:-latest}
                command: ["sh", "-c", "trap 'exit 0' TERM; echo shopweb >> /shared/starts.txt; httpd -f -p 80 -h /shared & wait"]
                ports: ["${WEB_PORT}:80"]
                volumes: [shared:/shared]
                depends_on:
                  shopinit:
                    condition: service_completed_successfully
                  shopdb:
                    condition: service_healthy
              shopinit:
                image: localhost/busybox:latest
                command: ["sh", "-c", "wget -q -O /shared/from-db.txt http://shopdb/ && echo shopinit >> /shared/starts.txt"]
                volumes: [shared:/shared]
                depends_on:
                  shopdb:
                    condition: service_healthy
              shopdb:
                image: localhost/busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; mkdir -p /www; echo db-ok > /www/index.html; echo shopdb >> /shared/starts.txt; httpd -f -p 80 -h /www & wait"]
                volumes: [shared:/shared]
                healthcheck:
                  test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
                  interval: 2s
                  timeout: 2s
                  retries: 20
            volumes:
              shared:
            """;

    @Test
    void aConvertedComposeAppStartsInDependsOnOrderAndAnswers() {
        String dir = "/root/e2e/compose";
        host.writeFile(dir + "/compose.yaml", COMPOSE);
        host.writeFile(dir + "/.env", "WEB_PORT=8186\n");

        TestHost.Result convert = host.berth("convert", "--output", dir + "/units", dir + "/compose.yaml");
        assertEquals(0, convert.exitCode(), convert::describe);
        assertTrue(convert.stdout().contains("wrote " + dir + "/units/shopweb.container"), convert::describe);
        assertTrue(convert.stderr().isBlank(), convert::describe); // nothing without an equivalent here
        TestHost.Result check = host.berth("check", dir + "/units");
        assertEquals(0, check.exitCode(), check::describe);

        TestHost.Result apply = host.berth("apply", dir + "/units");
        assertEquals(0, apply.exitCode(), apply::describe);
        host.await(START, () -> "200".equals(host.httpStatus(8186, "/starts.txt")),
                () -> host.diagnose("shopweb.service") + host.diagnose("shopinit.service") + host.diagnose("shopdb.service"));

        assertEquals("shopdb\nshopinit\nshopweb\n", host.httpBody(8186, "/starts.txt"));
        assertEquals("db-ok\n", host.httpBody(8186, "/from-db.txt"), "the init job reached shopdb by its name");
        assertEquals("active", host.activeState("shopdb.service"));
        assertEquals("active", host.activeState("shopinit.service")); // oneshot, RemainAfterExit=yes
        assertEquals("active", host.activeState("shopweb.service"));
        long db = host.longProperty("shopdb.service", "ActiveEnterTimestampMonotonic");
        long init = host.longProperty("shopinit.service", "ActiveEnterTimestampMonotonic");
        long web = host.longProperty("shopweb.service", "ActiveEnterTimestampMonotonic");
        assertTrue(db < init && init < web, "activation order db " + db + ", init " + init + ", web " + web);
        assertEquals("healthy", host.run("podman", "inspect", "--format", "{{.State.Health.Status}}", "systemd-shopdb").strip());
    }

    /** The same route through one berth YAML spec: converted, applied as a single file, and managed by unit name. */
    @Test
    void aComposeAppAsOneYamlSpecIsAppliedAndManagedByUnitName() {
        String dir = "/root/e2e/compose-yaml";
        host.writeFile(dir + "/compose.yaml", """
                name: notes
                services:
                  notesweb:
                    image: localhost/busybox:latest
                    command: ["sh", "-c", "trap 'exit 0' TERM; mkdir -p /www; echo notes > /www/index.html; httpd -f -p 80 -h /www & wait"]
                    ports: ["8187:80"]
                    restart: always
                """);
        TestHost.Result convert = host.berth("convert", "--to", "yaml", "--output", dir + "/spec", dir + "/compose.yaml");
        assertEquals(0, convert.exitCode(), convert::describe);
        TestHost.Result apply = host.berth("apply", dir + "/spec/notes.berth.yaml");
        assertEquals(0, apply.exitCode(), apply::describe);
        host.await(START, () -> "200".equals(host.httpStatus(8187, "/")), () -> host.diagnose("notesweb.service"));
        assertEquals("notes\n", host.httpBody(8187, "/index.html"));
        var status = host.berthStatus("notesweb").path("state");
        assertEquals("active", status.path("activeState").asText(), status::toString);
        assertEquals("/etc/containers/systemd/notes.berth.yaml", status.path("sourcePath").asText());
        assertEquals("active", host.activeState("notes-network.service")); // the spec's other unit
    }
}
