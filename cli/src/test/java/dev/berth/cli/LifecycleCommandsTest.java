package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.generator.Environment;
import dev.berth.systemd.SystemdOptions;
import dev.berth.systemd.fake.FakeBus;
import dev.berth.systemd.fake.FakeSystemd;
import dev.berth.systemd.fake.FakeSystemd.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle commands end to end against systemd-bridge's FakeSystemd on dbus-java's embedded bus: real D-Bus
 * calls and JobRemoved signals, no root. The search path is a temporary directory ({@code QUADLET_UNIT_DIRS}), the
 * journal is recorded lines, the clock is three hours ahead of the fake's activation times.
 */
@Timeout(60)
class LifecycleCommandsTest {

    @TempDir
    Path tmp;

    private Path quadlets;
    private FakeBus bus;
    private final List<List<String>> journalCalls = new ArrayList<>();
    private List<String> journalLines = List.of(JournalRecordTest.CONTAINER_LINE, JournalRecordTest.SYSTEMD_LINE);

    @BeforeEach
    void setUp() throws Exception {
        quadlets = tmp.toRealPath().resolve("quadlets");
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        write("db.volume", "[Volume]\n");
        write("bad.container", "[Container]\nImage=localhost/bad\n");
        write("api.container", "[Container]\nImage=localhost/api\nServiceName=custom-api\n");
        write("broken.container", "[Container]\nImage=localhost/x\nthis is not a key\n");
        bus = FakeBus.start(Map.of(
                "web.service", Behaviour.DAEMON,
                "db-volume.service", Behaviour.ONESHOT_OK,
                "bad.service", Behaviour.ONESHOT_FAILS,
                "custom-api.service", Behaviour.DAEMON,
                "secret.service", Behaviour.FORBIDDEN));
        FakeSystemd fake = bus.systemd();
        for (String[] u : new String[][] {{"web.service", "web.container"}, {"db-volume.service", "db.volume"},
                {"bad.service", "bad.container"}}) {
            fake.generatedFrom(u[0], quadlets.resolve(u[1]).toString());
        }
        // custom-api.service is left as a unit file of /etc/systemd/system: it shadows berth's unit.
    }

    @AfterEach
    void tearDown() throws IOException {
        bus.close();
    }

    private Path write(String name, String text) throws IOException {
        Path p = quadlets.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Run berth(String... args) {
        return berthAt(bus.address(), args);
    }

    private Run berthAt(String address, String... args) {
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", quadlets.toString()), 0, tmp);
        SystemdFactory systemd = SystemdFactory.at(address, SystemdOptions.defaults()
                .withCallTimeout(Duration.ofSeconds(10)).withJobTimeout(Duration.ofSeconds(20)));
        JournalRunner journal = (argv, lines) -> {
            journalCalls.add(List.copyOf(argv));
            journalLines.forEach(lines);
            return new JournalRunner.Exit(0, "");
        };
        Clock clock = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofHours(3));
        return Run.of((out, err) -> Berth.execute(args, new Berth.Session(out, err, env, systemd, journal, clock)));
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    // ---- start, stop, restart, reload -------------------------------------------------------------------------

    @Test
    void startRunsEveryJobAndReportsEach() {
        Run r = berth("start", "web", "db.volume");
        assertEquals(0, r.status(), r.err());
        assertEquals("started web.service\nstarted db-volume.service\n", r.out());
        assertEquals("", r.err());
        assertTrue(journalCalls.isEmpty(), "no logs are read when everything worked");
    }

    @Test
    void aFailedStartShowsTheStateAndTheLastLogLines() {
        Run r = berth("start", "web.service", "bad");
        assertEquals(1, r.status());
        assertEquals("""
                started web.service
                start bad.service: failed
                  bad.service is failed (exit-code, status 3)
                  last log lines:
                    2025-03-01 12:00:00 web.service[4001]: httpd: listening on port 80
                    2025-03-01 11:59:59 web.service[1]: web.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED
                  see 'berth status bad' and 'berth logs bad'
                """, r.out());
        assertEquals(List.of(List.of("journalctl", "-o", "json", "--all", "--no-pager", "-u", "bad.service", "-n",
                "10")), journalCalls);
    }

    @Test
    void startInJsonReportsResultsStatesAndLogs() throws IOException {
        Run r = berth("start", "--format", "json", "web", "bad.container");
        assertEquals(1, r.status());
        JsonNode units = json(r.out()).get("units");
        assertEquals(2, units.size());
        assertEquals("web.service", units.get(0).get("name").asText());
        assertEquals("done", units.get(0).get("result").asText());
        assertTrue(units.get(0).get("succeeded").asBoolean());
        assertEquals("bad.service", units.get(1).get("name").asText());
        assertEquals("bad.container", units.get(1).get("given").asText());
        assertEquals("start", units.get(1).get("job").asText());
        assertEquals("failed", units.get(1).get("result").asText());
        assertFalse(units.get(1).get("succeeded").asBoolean());
        assertEquals("failed", units.get(1).get("state").get("activeState").asText());
        assertEquals(3, units.get(1).get("state").get("execMainStatus").asInt());
        assertEquals("httpd: listening on port 80", units.get(1).get("logs").get(0).get("message").asText());
        assertEquals("", r.err());
    }

    @Test
    void stopRestartAndReload() {
        assertEquals(0, berth("start", "web").status());
        Run restart = berth("restart", "web");
        assertEquals("restarted web.service\n", restart.out());
        Run reload = berth("reload", "web");
        assertEquals(0, reload.status(), reload.out());
        assertEquals("reloaded web.service\n", reload.out());
        Run stop = berth("stop", "web", "db-volume");
        assertEquals(0, stop.status(), stop.out() + stop.err());
        assertEquals("stopped web.service\nstopped db-volume.service\n", stop.out());

        // A file with errors may be named in a stop (its unit may be left from before); this one never ran.
        Run broken = berth("stop", "broken");
        assertEquals(1, broken.status());
        assertEquals("stop broken.service: unit broken.service does not exist; run 'berth daemon-reload' if you "
                + "just added it\n", broken.out());

        Run notApplicable = berth("reload", "db-volume");
        assertEquals(1, notApplicable.status());
        assertTrue(notApplicable.out().startsWith("reload db-volume.service: systemd refused to reload "
                + "db-volume.service: Job type reload is not applicable"), notApplicable.out());
    }

    @Test
    void unknownNamesStopEverythingBeforeAnyJob() {
        Run r = berth("start", "web", "wbe", "nothing-here");
        assertEquals(4, r.status(), "no such unit: 4, as systemctl");
        assertEquals("", r.out());
        assertEquals("""
                berth: no unit named 'wbe' in the search path
                  fix: did you mean 'web'?
                berth: no unit named 'nothing-here' in the search path
                  fix: 'berth list' shows the units berth generates
                """, r.err());
        assertEquals("inactive (dead)", statusOf("web"));
    }

    @Test
    void aFileWithErrorsCannotBeStarted() {
        Run r = berth("start", "broken");
        assertEquals(1, r.status());
        assertEquals("berth: broken.container has errors, so berth-generator does not generate broken.service\n"
                + "  fix: run 'berth check " + quadlets.resolve("broken.container") + "', fix the file, then "
                + "'berth daemon-reload'\n", r.err());
    }

    @Test
    void anUnreachableBusIsOneClearErrorWithoutAStackTrace() throws IOException {
        Run r = berthAt("unix:path=" + tmp.resolve("no-such-bus"), "start", "web");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("berth: cannot reach the system bus at " + tmp.resolve("no-such-bus")
                + ": no such socket\n  fix: is dbus running?\n"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());

        Run json = berthAt("unix:path=" + tmp.resolve("no-such-bus"), "status", "--format", "json");
        JsonNode error = json(json.out()).get("errors").get(0);
        assertEquals("bus-unreachable", error.get("kind").asText());
        assertEquals("is dbus running?", error.get("fix").asText());
    }

    @Test
    void permissionDeniedNamesTheCauseAndTheFix() throws IOException {
        write("secret.container", "[Container]\nImage=localhost/secret\n");
        Run r = berth("start", "secret");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("start secret.service: permission denied: cannot start secret.service "
                + "through the system bus at "), r.out());
        assertTrue(r.out().contains("run berth as root, or add --user to manage your own user's units"), r.out());
        assertTrue(journalCalls.isEmpty(), "a refused job has no log to show");
    }

    @Test
    void aTemplateNeedsAnInstance() throws IOException {
        write("echo@.container", "[Container]\nImage=localhost/echo\n");
        Run r = berth("start", "echo@.container");
        assertEquals(1, r.status());
        assertEquals("berth: echo@.service is a template: systemd runs its instances, not the template itself\n"
                + "  fix: name an instance, for example 'echo@NAME'\n", r.err());
    }

    // ---- status and list --------------------------------------------------------------------------------------

    private String statusOf(String name) {
        Run r = berth("status", "--format", "json", name);
        try {
            JsonNode state = json(r.out()).get("units").get(0).get("state");
            return state.get("activeState").asText() + " (" + state.get("subState").asText() + ")";
        } catch (IOException e) {
            throw new AssertionError(r.out(), e);
        }
    }

    @Test
    void statusShowsStatePidUptimeRestartsImageAndSource() {
        assertEquals(0, berth("start", "web", "bad").status() == 1 ? 0 : 1);
        bus.systemd().restarts("web.service", 2);

        Run r = berth("status");

        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("UNIT", "STATE", "ENABLED", "PID", "UPTIME", "RESTARTS", "IMAGE", "SOURCE"),
                List.of(lines.get(0).split(" +")));
        String web = lines.stream().filter(l -> l.startsWith("web.service ")).findFirst().orElseThrow();
        assertEquals(List.of("web.service", "active", "(running)", "disabled", "4001", "3h", "2",
                "localhost/busybox:latest",
                quadlets.resolve("web.container").toString()), List.of(web.split(" +")));
        String bad = lines.stream().filter(l -> l.startsWith("bad.service ")).findFirst().orElseThrow();
        assertTrue(bad.matches("bad\\.service +failed \\(exit-code, status 3\\) +disabled +- +- +0 +localhost/bad +.*"),
                bad);
        String db = lines.stream().filter(l -> l.startsWith("db-volume.service ")).findFirst().orElseThrow();
        assertTrue(db.matches("db-volume\\.service +inactive \\(dead\\) +disabled +- +- +0 +- +.*db\\.volume"), db);
        assertFalse(r.out().contains("broken"), "a file with errors has no unit to show");
        assertTrue(r.out().contains("note: custom-api.service: systemd's unit comes from "
                + "/etc/systemd/system/custom-api.service, not from " + quadlets.resolve("api.container")
                + "; that file shadows berth's unit"), r.out());
    }

    @Test
    void statusOfNamedUnitsExitsThreeWhenOneIsNotActive() throws IOException {
        berth("start", "web");
        assertEquals(0, berth("status", "web").status());
        Run r = berth("status", "--format", "json", "web", "db.volume");
        assertEquals(3, r.status());
        JsonNode units = json(r.out()).get("units");
        JsonNode web = units.get(0);
        assertEquals("web.service", web.get("name").asText());
        assertEquals(quadlets.resolve("web.container").toString(), web.get("source").asText());
        assertEquals("localhost/busybox:latest", web.get("image").asText());
        assertTrue(web.get("managed").asBoolean());
        assertTrue(web.get("note").isNull());
        assertEquals(4001, web.get("state").get("mainPid").asInt());
        assertTrue(web.get("state").get("uptimeSeconds").asLong() >= 3 * 3600);
        assertEquals("/run/systemd/generator/web.service", web.get("state").get("fragmentPath").asText());
        assertEquals("inactive", units.get(1).get("state").get("activeState").asText());
    }

    @Test
    void statusOfAUnitSystemdDoesNotKnowSaysToReload() throws IOException {
        write("new.container", "[Container]\nImage=localhost/new\n");
        Run r = berth("status", "new");
        assertEquals(3, r.status());
        assertTrue(r.out().contains("new.service  not loaded  disabled  -"), r.out());
        assertTrue(r.out().contains("note: new.service: systemd has no such unit; run 'berth daemon-reload' to "
                + "generate it"), r.out());
    }

    @Test
    void listShowsEveryFileWithLoadAndActiveState() throws IOException {
        write("echo@.container", "[Container]\nImage=localhost/echo\n");
        berth("start", "web");
        Run r = berth("list");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("UNIT", "LOAD", "ACTIVE", "ENABLED", "KIND", "SOURCE"),
                List.of(lines.get(0).split(" +")));
        assertTrue(r.out().contains("web.service "), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("web\\.service +loaded +active \\(running\\) +disabled +container +"
                + ".*web\\.container")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("db-volume\\.service +loaded +inactive \\(dead\\) +disabled +volume "
                + "+.*db\\.volume")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("broken\\.service +not generated +- +not-generated +container +.*")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("echo@\\.service +template +- +disabled +container +.*")),
                r.out());
        assertEquals("1 file has errors and is not generated; 'berth check' shows them\n", r.err());

        JsonNode units = json(berth("list", "--format", "json").out()).get("units");
        assertEquals(6, units.size());
        JsonNode broken = units.findParents("name").stream()
                .filter(u -> u.get("name").asText().equals("broken.service")).findFirst().orElseThrow();
        assertFalse(broken.get("generated").asBoolean());
        assertTrue(broken.get("loadState").isNull());
    }

    // ---- logs -------------------------------------------------------------------------------------------------

    @Test
    void logsRunsJournalctlByArgumentListAndPrintsOneLinePerEntry() {
        journalLines = List.of(JournalRecordTest.CONTAINER_LINE, "", JournalRecordTest.BYTES_LINE);
        Run r = berth("logs", "-n", "5", "-f", "web.container");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                2025-03-01 12:00:00 web.service[4001]: httpd: listening on port 80
                2025-03-01 12:00:01 web.service[4001]: hi\u001b[0m \ufffd
                """, r.out());
        assertEquals(List.of(List.of("journalctl", "-o", "json", "--all", "--no-pager", "-u", "web.service", "-n",
                "5", "-f")), journalCalls);

        berth("logs", "--user", "custom-api");
        assertEquals(List.of("journalctl", "--user", "-o", "json", "--all", "--no-pager", "-u",
                "custom-api.service"), journalCalls.get(1));
    }

    @Test
    void logsInJsonAreOneRecordPerLine() throws IOException {
        Run r = berth("logs", "--format", "json", "web");
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = json(lines.get(0));
        assertEquals("2025-03-01T12:00:00.123456Z", first.get("timestamp").asText());
        assertEquals("web.service", first.get("unit").asText());
        assertEquals(4001, first.get("pid").asInt());
        assertEquals(6, first.get("priority").asInt());
        assertEquals(3, json(lines.get(1)).get("priority").asInt());
    }

    @Test
    void aMissingOrFailingJournalctlIsAClearError() {
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", quadlets.toString()), 0, tmp);
        JournalRunner missing = (argv, lines) -> {
            throw new IOException("Cannot run program \"journalctl\": error=2, No such file or directory");
        };
        Run r = Run.of((out, err) -> Berth.execute(new String[] {"logs", "web"}, new Berth.Session(out, err, env,
                SystemdFactory.at(bus.address(), SystemdOptions.defaults()), missing, Clock.systemUTC())));
        assertEquals(1, r.status());
        assertEquals("berth: cannot run journalctl: it is not installed, or not in a directory on PATH\n"
                + "  fix: berth reads logs with systemd's journalctl: install it (Debian: apt-get install systemd), or "
                + "run berth with /usr/bin on PATH\n", r.err());

        JournalRunner denied = (argv, lines) -> new JournalRunner.Exit(1,
                "Failed to open journal: Permission denied\nmore");
        Run d = Run.of((out, err) -> Berth.execute(new String[] {"logs", "web"}, new Berth.Session(out, err, env,
                SystemdFactory.at(bus.address(), SystemdOptions.defaults()), denied, Clock.systemUTC())));
        assertEquals(1, d.status());
        assertEquals("berth: journalctl exited with status 1: Failed to open journal: Permission denied\n"
                + "  fix: add yourself to the systemd-journal (or adm) group, or run berth as root\n", d.err());
    }

    // ---- daemon-reload, enable, disable -----------------------------------------------------------------------

    @Test
    void daemonReloadWaitsForTheReloadAndNamesSkippedFiles() throws IOException {
        Run r = berth("daemon-reload");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, bus.systemd().reloadsFinished());
        assertEquals("reloaded the system manager: berth generates 4 units\nnot generated (errors): "
                + quadlets.resolve("broken.container") + "\n", r.out());
        JsonNode doc = json(berth("daemon-reload", "--format", "json").out());
        assertTrue(doc.get("reloaded").asBoolean());
        assertEquals(4, doc.get("units").size());
        assertEquals(2, bus.systemd().reloadsFinished());
    }

    @Test
    void enableNowWritesTheDropInReloadsAndStarts() throws IOException {
        Run r = berth("enable", "--now", "web");
        assertEquals(0, r.status(), r.out() + r.err());
        Path dropIn = quadlets.resolve("web.container.d/50-berth-enable.conf");
        assertEquals("""
                enabled web.service: wrote %s [multi-user.target.wants/web.service]
                  started web.service
                reloaded the system manager
                """.formatted(dropIn), r.out());
        assertTrue(Files.readString(dropIn).endsWith("[Install]\nWantedBy=multi-user.target\n"));
        assertEquals(1, bus.systemd().reloadsFinished());
        assertEquals("active (running)", statusOf("web"));

        Run again = berth("enable", "web");
        assertEquals("enabled web.service (already) [multi-user.target.wants/web.service]\n", again.out());
        assertEquals(1, bus.systemd().reloadsFinished(), "nothing changed, so no reload");
    }

    @Test
    void disableNowRemovesTheChoiceAndStops() throws IOException {
        berth("enable", "--now", "web");
        Run r = berth("disable", "--now", "--format", "json", "web");
        assertEquals(0, r.status(), r.out());
        JsonNode doc = json(r.out());
        assertTrue(doc.get("reloaded").asBoolean());
        JsonNode web = doc.get("units").get(0);
        assertEquals("removed", web.get("action").asText());
        assertFalse(web.get("enabled").asBoolean());
        assertEquals(0, web.get("links").size());
        assertEquals("done", web.get("job").get("result").asText());
        assertFalse(Files.exists(quadlets.resolve("web.container.d")));
        assertEquals("inactive (dead)", statusOf("web"));
    }

    @Test
    void enableUserUsesDefaultTarget() throws IOException {
        Run r = berth("enable", "--user", "db.volume");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(Files.readString(quadlets.resolve("db.volume.d/50-berth-enable.conf"))
                .endsWith("WantedBy=default.target\n"));
        assertTrue(r.out().contains("[default.target.wants/db-volume.service]"), r.out());
    }

    @Test
    void anOverridingDropInIsReportedAsAFailure() throws IOException {
        write("web.container.d/90-mine.conf", "[Install]\nWantedBy=\n");
        Run r = berth("enable", "web");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("  problem: web.service is still not enabled: the generator makes no [Install] "
                + "links for it\n  fix: another drop-in of web.container overrides "), r.out());
    }

    @Test
    void aDropInThatCannotBeWrittenIsAClearError() throws IOException {
        Path dir = Files.createDirectories(quadlets.resolve("web.container.d"));
        dir.toFile().setWritable(false);
        try {
            if (Files.isWritable(dir)) {
                return; // root writes anyway; nothing to test here
            }
            Run r = berth("enable", "web");
            assertEquals(1, r.status());
            assertEquals("berth: cannot write " + dir.resolve("50-berth-enable.conf") + ": permission denied\n"
                    + "  fix: run berth as root, or use --user for your own units\n", r.err());
        } finally {
            dir.toFile().setWritable(true);
        }
    }

    // ---- help ------------------------------------------------------------------------------------------------

    @Test
    void everyCommandHasCompleteHelp() {
        Run top = berth("--help");
        for (String c : List.of("start", "stop", "restart", "reload", "status", "list", "logs", "daemon-reload",
                "enable", "disable", "generate", "check", "is-active", "is-enabled", "is-failed", "cat", "show")) {
            assertTrue(top.out().contains("\n  " + c + " "), c + " missing from\n" + top.out());
            Run help = berth(c, "--help");
            assertEquals(0, help.status());
            for (String s : List.of("--user", "--format", "Exit status:", "Examples:", "--help")) {
                assertTrue(help.out().contains(s), c + ": " + s + " missing from\n" + help.out());
            }
        }
        assertTrue(berth("logs", "--help").out().contains("--follow"));
        assertTrue(berth("logs", "--help").out().contains("--lines=N"));
        assertTrue(berth("enable", "--help").out().contains("--now"));
        assertTrue(berth("disable", "--help").out().contains("50-berth-enable.conf"));
        assertEquals(2, berth("start").status(), "a NAME is required");
        assertEquals(2, berth("logs").status(), "logs takes a NAME");
        assertTrue(berth("start", "--help").out().contains("--timeout=SPAN"));
        assertTrue(berth("start", "--help").out().contains("--no-block"));
        assertTrue(berth("logs", "--help").out().contains("--since=TIME"));
    }
}
