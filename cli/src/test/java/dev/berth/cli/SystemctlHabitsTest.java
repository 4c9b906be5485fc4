package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import dev.berth.systemd.SystemdOptions;
import dev.berth.systemd.fake.FakeBus;
import dev.berth.systemd.fake.FakeSystemd.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * systemctl's habits (issue 10, item 6) against systemd-bridge's FakeSystemd on dbus-java's embedded bus:
 * is-active, is-enabled, is-failed, cat, show; exit 4 for an unknown unit; options before the command; -q,
 * --no-pager, --no-block, --timeout and the progress line; the enabled column; list without a bus; logs of several
 * units with journalctl's filters.
 */
@Timeout(60)
class SystemctlHabitsTest {

    @TempDir
    Path tmp;

    private Path quadlets;
    private FakeBus bus;
    private final List<List<String>> journalCalls = new ArrayList<>();
    private List<String> journalLines = List.of(JournalRecordTest.CONTAINER_LINE);
    private int journalStatus = 0;

    @BeforeEach
    void setUp() throws Exception {
        quadlets = tmp.toRealPath().resolve("quadlets");
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        write("db.volume", "[Volume]\n");
        write("bad.container", "[Container]\nImage=localhost/bad\n");
        write("slow.container", "[Container]\nImage=localhost/slow\n");
        write("boot.container", "[Container]\nImage=localhost/boot\n[Install]\nWantedBy=multi-user.target\n");
        bus = FakeBus.start(Map.of(
                "web.service", Behaviour.DAEMON,
                "db-volume.service", Behaviour.ONESHOT_OK,
                "bad.service", Behaviour.ONESHOT_FAILS,
                "slow.service", Behaviour.SLOW,
                "boot.service", Behaviour.DAEMON));
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
        return berthAt(bus.address(), false, args);
    }

    private Run berthAt(String address, boolean terminal, String... args) {
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", quadlets.toString()), 0, tmp);
        SystemdFactory systemd = SystemdFactory.at(address, SystemdOptions.defaults()
                .withCallTimeout(Duration.ofSeconds(5)).withJobTimeout(Duration.ofSeconds(20)));
        JournalRunner journal = (argv, lines) -> {
            journalCalls.add(List.copyOf(argv));
            journalLines.forEach(lines);
            return new JournalRunner.Exit(journalStatus, "");
        };
        Clock clock = Clock.system(ZoneOffset.UTC);
        return Run.of((out, err) -> Berth.execute(args,
                new Berth.Session(out, err, env, systemd, journal, clock, terminal)));
    }

    private static final String NO_BUS = "unix:path=/nonexistent/berth-test-bus";

    @Test
    void isActiveAndIsFailedAnswerByWordAndStatus() {
        berth("start", "web", "bad");
        assertEquals(new Run(0, "active\n", ""), berth("is-active", "web"));
        assertEquals(new Run(3, "inactive\n", ""), berth("is-active", "db.volume"));
        assertEquals(new Run(0, "active\ninactive\n", ""), berth("is-active", "web", "db-volume"),
                "one active unit is enough, as systemctl");
        assertEquals(new Run(0, "", ""), berth("is-active", "-q", "web"));
        assertEquals(new Run(0, "failed\n", ""), berth("is-failed", "bad"));
        assertEquals(new Run(1, "active\n", ""), berth("is-failed", "web"));
        assertEquals(new Run(1, "", ""), berth("is-failed", "--quiet", "web"));
    }

    @Test
    void isEnabledReadsWhatTheGeneratorLinksAndNeedsNoBus() {
        assertEquals(new Run(0, "enabled\n", ""), berthAt(NO_BUS, false, "is-enabled", "boot"));
        assertEquals(new Run(1, "disabled\n", ""), berthAt(NO_BUS, false, "is-enabled", "web.container"));
        assertEquals(new Run(0, "enabled\ndisabled\n", ""), berthAt(NO_BUS, false, "is-enabled", "boot", "web"));
    }

    @Test
    void anUnknownUnitExitsFourAsSystemctlDoes() {
        for (String command : List.of("is-active", "is-failed", "is-enabled", "status", "cat", "show", "logs",
                "start", "stop", "enable", "disable")) {
            Run r = berth(command, "wbe");
            assertEquals(4, r.status(), command + ": " + r.err());
            assertTrue(r.err().contains("no unit named 'wbe'"), command + ": " + r.err());
            assertTrue(r.err().contains("did you mean 'web'?"), command + ": " + r.err());
        }
    }

    @Test
    void sharedOptionsMayComeBeforeTheCommand() {
        berth("start", "web");
        assertEquals(new Run(0, "", ""), berth("--user", "-q", "is-active", "web"));
        assertEquals(new Run(0, "", ""), berth("-q", "--no-pager", "is-active", "web"));
        assertEquals(new Run(0, "", ""), berth("--no-block", "-q", "start", "web"));
        assertEquals(new Run(0, "", ""), berth("start", "-q", "--no-pager", "web"), "-q: no 'started' line");
        Run status = berth("--no-pager", "status", "web");
        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().startsWith("UNIT"), status.out());
        assertEquals(2, berth("--no-block", "status", "web").status(), "--no-block is for job commands only");
    }

    @Test
    void catPrintsTheFileItsDropInsAndTheGeneratedUnit() throws IOException {
        write("web.container.d/10-env.conf", "[Container]\nEnvironment=A=1\n");
        Run r = berthAt(NO_BUS, false, "cat", "web");
        assertEquals(0, r.status(), r.err());
        String file = quadlets.resolve("web.container").toString();
        String dropIn = quadlets.resolve("web.container.d/10-env.conf").toString();
        assertTrue(r.out().startsWith("# " + file + "\n[Container]\nImage=localhost/busybox:latest\n\n# " + dropIn
                + "\n[Container]\nEnvironment=A=1\n\n# web.service (generated by berth from web.container)\n"),
                r.out());
        assertTrue(r.out().contains("\nExecStart=/usr/bin/podman run --name systemd-%N"), r.out());
        assertTrue(r.out().contains("--env A=1"), r.out());
    }

    @Test
    void catDoesNotPrintAFileThatIsNotWorldReadable() throws IOException {
        Path secret = write("web.container.d/20-secret.conf", "[Container]\nEnvironment=PASSWORD=hunter2\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Run r = berthAt(NO_BUS, false, "cat", "web");
        assertEquals(1, r.status());
        assertFalse(r.out().contains("hunter2"), r.out());
        assertTrue(r.out().contains("# " + secret + "\n# (not shown: not world-readable, or unreadable)"), r.out());
        assertTrue(r.out().contains("# web.service: not shown, since a file it is generated from is not shown"),
                r.out());
    }

    @Test
    void showPrintsPropertiesAsSystemctlShow() {
        berth("start", "web");
        Run r = berth("show", "web");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Id=web.service", lines.get(0));
        assertTrue(lines.contains("ActiveState=active"), r.out());
        assertTrue(lines.contains("SubState=running"), r.out());
        assertTrue(lines.contains("UnitFileState=disabled"), r.out());
        assertTrue(lines.contains("Image=localhost/busybox:latest"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("MainPID=[1-9][0-9]*")), r.out());

        Run value = berth("show", "-p", "ActiveState,UnitFileState", "--value", "web", "boot");
        assertEquals(new Run(0, "active\ndisabled\n\ninactive\nenabled\n", ""), value);
        Run notLoaded = berth("show", "-p", "LoadState", "db.volume");
        assertEquals(0, notLoaded.status());
    }

    @Test
    void statusAndListHaveAnEnabledColumn() {
        Run status = berth("status", "boot", "web");
        assertEquals(3, status.status(), "neither is active");
        List<String> lines = status.out().lines().toList();
        assertEquals("ENABLED", lines.get(0).split(" +")[2]);
        assertTrue(lines.get(1).matches("boot\\.service +inactive \\(dead\\) +enabled .*"), status.out());
        assertTrue(lines.get(2).matches("web\\.service +inactive \\(dead\\) +disabled .*"), status.out());
        Run list = berth("list");
        assertTrue(list.out().lines().anyMatch(l -> l.matches("boot\\.service +loaded +inactive \\(dead\\) +enabled "
                + "+container .*")), list.out());
    }

    @Test
    void listWorksWithoutABusWithStatesUnknown() {
        Run r = berthAt(NO_BUS, false, "list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("web\\.service +unknown +unknown +disabled +container .*")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("boot\\.service +unknown +unknown +enabled +container .*")),
                r.out());
        assertTrue(r.err().contains("states are shown as unknown"), r.err());

        Run json = berthAt(NO_BUS, false, "list", "--format", "json");
        assertEquals(0, json.status());
        assertTrue(json.out().contains("\"loadState\" : \"unknown\""), json.out());
        assertTrue(json.out().contains("\"errors\" : [ {"), json.out());
    }

    @Test
    void logsOfSeveralUnitsPassJournalctlsFilters() {
        Run r = berth("logs", "--since", "-1h", "--until", "2025-03-01 13:00", "-p", "err", "-b", "--grep",
                "listening", "web", "db.volume");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("journalctl", "-o", "json", "--all", "--no-pager", "-u", "web.service", "-u",
                "db-volume.service", "--since=-1h", "--until=2025-03-01 13:00", "-p", "err", "-b",
                "--grep=listening"), journalCalls.get(0));
        assertTrue(r.out().contains("web.service[4001]: httpd: listening on port 80"), r.out());
    }

    @Test
    void logsSayNoEntriesWhenThereAreNone() {
        journalLines = List.of();
        assertEquals(new Run(0, "-- No entries --\n", ""), berth("logs", "web"));
        assertEquals(new Run(0, "", ""), berth("logs", "--format", "json", "web"), "JSON Lines: no lines");
        journalStatus = 1; // journalctl --grep exits 1 when nothing matches, as grep
        assertEquals(new Run(0, "-- No entries --\n", ""), berth("logs", "--grep", "nothing", "web"));
        Run failed = berth("logs", "web");
        assertEquals(1, failed.status(), "without --grep, status 1 is journalctl failing");
        assertEquals("berth: journalctl exited with status 1\n", failed.err());
    }

    @Test
    void noBlockQueuesTheJobAndReturns() {
        Run r = berth("start", "--no-block", "slow");
        assertEquals(new Run(0, "queued start slow.service\n", ""), r);
        assertEquals(new Run(3, "activating\n", ""), berth("is-active", "slow"));
    }

    @Test
    void timeoutStopsWaitingAndSaysTheJobStillRuns() {
        Run r = berth("start", "--timeout", "1s", "slow");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("start slow.service: still running when berth stopped waiting\n"), r.out());
        assertEquals(2, berth("start", "--timeout", "soon", "web").status(), "not a time span: usage error");
    }

    @Test
    void aTerminalSeesProgressWhileAUnitStarts() {
        Run shown = berthAt(bus.address(), true, "start", "--timeout", "2s", "slow");
        assertEquals(1, shown.status());
        assertTrue(shown.out().contains("\r\u001b[Kstarting slow.service: activating"), shown.out());
        assertTrue(shown.out().contains("\r\u001b[Kstart slow.service: still running"), "the line is erased first");

        Run piped = berthAt(bus.address(), false, "start", "--timeout", "2s", "slow");
        assertFalse(piped.out().contains("starting slow.service"), piped.out());
        Run quiet = berthAt(bus.address(), true, "start", "-q", "--timeout", "2s", "slow");
        assertFalse(quiet.out().contains("starting slow.service"), quiet.out());
    }
}
