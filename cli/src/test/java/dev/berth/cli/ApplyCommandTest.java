package dev.berth.cli;

import dev.berth.install.FileStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.systemd.JobResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    static final String WEB = """
            [Container]
            Image=localhost/busybox:latest
            PublishPort=8080:80
            Exec=httpd -f -p 80

            [Install]
            WantedBy=multi-user.target
            """;
    static final String WEB_2 = WEB.replace("8080:80", "8081:80");
    static final String DB = "[Volume]\n";

    @TempDir
    Path tmp;
    ApplyFixture m;

    @BeforeEach
    void machine() throws IOException {
        m = new ApplyFixture(tmp);
    }

    @Test
    void firstApplyInstallsTheFilesReloadsAndStartsTheEnabledUnits() throws IOException {
        m.source("web.container", WEB);
        m.source("db.volume", DB);

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(WEB, Files.readString(m.install.resolve("web.container")));
        assertEquals(DB, Files.readString(m.install.resolve("db.volume")));
        // db.volume has no [Install]: installed, not started.
        assertEquals(List.of("daemon-reload", "start web.service"), m.systemd.actions());
        assertTrue(r.out().contains("started web.service (added): done\n"), r.out());
        assertTrue(r.out().contains("db-volume.service: added, not enabled"), r.out());
        assertTrue(r.out().endsWith("2 files changed, 1 unit started\n"), r.out());
        // Whole files shown as added.
        assertTrue(r.out().contains("--- /dev/null\n+++ " + m.install.resolve("db.volume") + "\n@@ -0,0 +1 @@\n+[Volume]\n"),
                r.out());
    }

    @Test
    void installedFilesAndCreatedDirectoriesHaveFixedModes() throws IOException {
        m.source("sub/web.container", WEB);
        Run r = m.berth("apply", m.src.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(m.install.resolve("sub/web.container"))));
        for (Path dir : List.of(m.root.resolve("etc"), m.root.resolve("etc/containers"), m.install,
                m.install.resolve("sub"))) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.toString());
        }
        try (var s = Files.list(m.install)) {
            assertEquals(List.of("sub"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void applyingTheSameInputTwiceChangesNothingTheSecondTime() throws IOException {
        m.source("web.container", WEB);
        m.source("db.volume", DB);
        assertEquals(0, m.berth("apply", m.src.toString()).status());
        Map<String, String> once = ApplyFixture.tree(m.install);
        m.systemd.clear();

        Run second = m.berth("apply", m.src.toString());

        assertEquals(0, second.status(), second.err());
        assertEquals("no changes (2 files already up to date)\n", second.out());
        // It looks (issue 7: converge on what systemd reports), but finds nothing to do: no reload, no job.
        assertEquals(List.of(), m.systemd.actions(), "no reload, no restart");
        assertEquals(once, ApplyFixture.tree(m.install));
        JsonNode doc = json(m.berth("apply", "--format", "json", m.src.toString()));
        assertFalse(doc.get("changed").asBoolean());
        assertEquals(List.of("unchanged", "unchanged"), texts(doc.get("files"), "action"));
        assertEquals(0, doc.get("units").size());
    }

    @Test
    void aChangedFileRestartsItsRunningUnitAndShowsTheDiff() throws IOException {
        m.installed("web.container", WEB);
        m.installed("other.container", WEB.replace("8080", "9090"));
        m.systemd.unit("web.service", "active").unit("other.service", "active");
        m.source("web.container", WEB_2);

        Run r = m.berth("apply", m.src.resolve("web.container").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("daemon-reload", "restart web.service"), m.systemd.actions());
        String path = m.install.resolve("web.container").toString();
        assertTrue(r.out().startsWith("--- " + path + "\n+++ " + path + "\n@@ -1,6 +1,6 @@\n [Container]\n"
                + " Image=localhost/busybox:latest\n-PublishPort=8080:80\n+PublishPort=8081:80\n"), r.out());
        assertTrue(r.out().endsWith("restarted web.service (changed): done\n1 file changed, 1 unit restarted\n"),
                r.out());
    }

    @Test
    void aChangedUnitThatIsNotRunningIsLeftAlone() throws IOException {
        m.installed("web.container", WEB);
        m.source("web.container", WEB_2);

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("daemon-reload"), m.systemd.actions());
        assertTrue(r.out().contains("web.service: changed, not running; the new unit takes effect at its next start"),
                r.out());
    }

    @Test
    void aFailedUnitIsResetAndRestartedWithItsFix() throws IOException {
        m.installed("web.container", WEB);
        m.systemd.unit("web.service", "failed");
        m.source("web.container", WEB_2);

        assertEquals(0, m.berth("apply", m.src.toString()).status());

        assertEquals(List.of("daemon-reload", "reset-failed web.service", "restart web.service"),
                m.systemd.actions());
    }

    @Test
    void aChangedTemplateRestartsItsRunningInstances() throws IOException {
        m.installed("echo@.container", "[Container]\nImage=localhost/echo:1\n");
        m.systemd.unit("echo@a.service", "active").unit("echo@b.service", "inactive").unit("echo@c.service", "failed");
        m.source("echo@.container", "[Container]\nImage=localhost/echo:2\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("daemon-reload", "reset-failed echo@c.service", "restart echo@a.service echo@c.service"),
                m.systemd.actions());
    }

    @Test
    void aRenamedRunningServiceIsStoppedAndItsNewNameStarted() throws IOException {
        m.installed("web.container", "[Container]\nImage=localhost/x\n");
        m.systemd.unit("web.service", "active");
        m.source("web.container", "[Container]\nImage=localhost/x\n[Service]\n");
        m.source("web.container", "[Container]\nImage=localhost/x\nServiceName=site\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("stop web.service", "daemon-reload", "start site.service"), m.systemd.actions());
        assertTrue(r.out().endsWith("1 file changed, 1 unit started, 1 unit stopped\n"), r.out());
    }

    @Test
    void anErrorChangesNothingAndIsReportedWhereItIs() throws IOException {
        m.installed("web.container", WEB);
        Map<String, String> before = ApplyFixture.tree(m.install);
        m.source("web.container", WEB_2);
        Path bad = m.source("bad.container", "[Container]\nImage=localhost/x\nPublishPorts=1:2\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status());
        assertTrue(r.err().contains(bad + ":3:1: error: unknown key 'PublishPorts' in [Container]; "
                + "did you mean 'PublishPort'?"), r.err());
        assertTrue(r.err().contains("1 error in the files to apply; nothing was changed"), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
        assertEquals(0, m.systemd.connections());
        assertEquals("nothing changed\n", r.out());
    }

    @Test
    void referencesResolveAgainstTheFilesAlreadyInstalled() throws IOException {
        m.installed("net.network", "[Network]\n");
        m.source("app.container", "[Container]\nImage=localhost/x\nNetwork=net.network\n");

        Run ok = m.berth("apply", m.src.toString());
        assertEquals(0, ok.status(), ok.err());

        Path dangling = m.source("app.container", "[Container]\nImage=localhost/x\nNetwork=nope.network\n");
        Run refused = m.berth("apply", m.src.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains(dangling + ":3:9: error: Network= names nope.network, but there is no "
                + "such Quadlet file"), refused.err());
    }

    @Test
    void aChangeThatBreaksAnInstalledFileIsRefused() throws IOException {
        // app.container (installed) joins peer.container's network; the new peer.container's name is unknowable.
        m.installed("peer.container", "[Container]\nImage=localhost/x\n");
        Path app = m.installed("app.container", "[Container]\nImage=localhost/x\nNetwork=peer.container\n");
        Map<String, String> before = ApplyFixture.tree(m.install);
        m.source("peer.container", "[Container]\nImage=localhost/x\nContainerName=peer-%H\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains(app + ":3:9: error: Network= names peer.container"), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
    }

    @Test
    void errorsAlreadyPresentInUntouchedFilesDoNotBlock() throws IOException {
        Path old = m.installed("old.container", "[Container]\nImage=localhost/x\nBogus=1\n");
        m.source("web.container", WEB);

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(old + ":3:1: warning: (already there before this apply, not caused by it) "
                + "unknown key 'Bogus'"), r.err());
        assertTrue(Files.exists(m.install.resolve("web.container")));
    }

    @Test
    void aFailedWriteRestoresEverythingAlreadyWritten() throws IOException {
        m.installed("a.container", WEB);
        m.installed("keep.volume", DB);
        Map<String, String> before = ApplyFixture.tree(m.install);
        m.source("a.container", WEB_2);
        m.source("b.volume", DB);
        m.source("deep/c.network", "[Network]\n");
        m.source("deep/d.network", "[Network]\n");
        AtomicInteger writes = new AtomicInteger();
        List<String> log = new ArrayList<>();
        FileStore real = FileStore.atomic();
        FileStore failsOnFourth = new FileStore() {
            @Override
            public void createDirectory(Path dir) throws IOException {
                log.add("mkdir " + m.install.relativize(dir));
                real.createDirectory(dir);
            }

            @Override
            public void replace(Path target, byte[] bytes, java.util.Set<java.nio.file.attribute.PosixFilePermission> mode)
                    throws IOException {
                if (writes.incrementAndGet() == 4) {
                    throw new java.nio.file.FileSystemException(target.toString(), null, "No space left on device");
                }
                log.add("write " + m.install.relativize(target));
                real.replace(target, bytes, mode);
            }

            @Override
            public void delete(Path target) throws IOException {
                log.add("delete " + m.install.relativize(target));
                real.delete(target);
            }

            @Override
            public void deleteDirectoryIfEmpty(Path dir) throws IOException {
                log.add("rmdir " + m.install.relativize(dir));
                real.deleteDirectoryIfEmpty(dir);
            }
        };

        Run r = m.withStore(failsOnFourth, "apply", m.src.toString());

        assertEquals(1, r.status());
        assertEquals(List.of("write a.container", "write b.volume", "mkdir deep", "write deep/c.network",
                "delete deep/c.network", "delete b.volume", "write a.container", "rmdir deep"), log);
        assertEquals(before, ApplyFixture.tree(m.install));
        assertTrue(r.err().contains(m.install.resolve("deep/d.network") + ": error: cannot write this file: "
                + "No space left on device"), r.err());
        assertTrue(r.err().contains("the files already written were restored; nothing was changed"), r.err());
        assertEquals(List.of(), m.systemd.actions(), "no reload after a failed install");
    }

    @Test
    void jsonReportsFilesAndUnitsForAnsible() throws IOException {
        m.installed("web.container", WEB);
        m.systemd.unit("web.service", "active");
        m.source("web.container", WEB_2);
        m.source("app.container", WEB.replace("8080", "7070"));
        m.source("db.volume", DB);
        m.installed("db.volume", DB);

        Run r = m.berth("apply", "--format", "json", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertTrue(doc.get("changed").asBoolean());
        assertFalse(doc.get("dryRun").asBoolean());
        assertEquals(List.of(m.install.resolve("app.container").toString(), m.install.resolve("db.volume").toString(),
                m.install.resolve("web.container").toString()), texts(doc.get("files"), "path"));
        assertEquals(List.of("added", "unchanged", "changed"), texts(doc.get("files"), "action"));
        assertEquals(List.of("app.service", "web.service"), texts(doc.get("units"), "name"));
        assertEquals(List.of("start", "restart"), texts(doc.get("units"), "action"));
        assertEquals(List.of("done", "done"), texts(doc.get("units"), "result"));
        assertEquals(List.of("added", "changed"), texts(doc.get("units"), "change"));
        assertEquals("2 files changed, 1 unit restarted, 1 unit started", doc.get("summary").asText());
        assertEquals(0, doc.get("errors").size());
    }

    @Test
    void aDryRunShowsThePlanAndChangesNothing() throws IOException {
        m.installed("web.container", WEB);
        m.systemd.unit("web.service", "active");
        Map<String, String> before = ApplyFixture.tree(m.install);
        m.source("web.container", WEB_2);
        m.source("app.container", WEB.replace("8080", "7070"));

        Run r = m.berth("apply", "--dry-run", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
        assertEquals(List.of(), m.systemd.actions(), "only states were read");
        assertTrue(r.out().contains("+PublishPort=8081:80\n"), r.out());
        assertTrue(r.out().contains("would restart web.service (changed, running)\n"), r.out());
        assertTrue(r.out().contains("would start app.service (added, enabled)\n"), r.out());
        assertTrue(r.out().endsWith("dry run: 2 files would change, 1 unit would be restarted, "
                + "1 unit would be started\n"), r.out());
        JsonNode doc = json(m.berth("apply", "-n", "--format", "json", m.src.toString()));
        assertTrue(doc.get("changed").asBoolean(), "check mode: would change");
        assertTrue(doc.get("dryRun").asBoolean());
        assertEquals(List.of("planned", "planned"), texts(doc.get("units"), "result"));
    }

    @Test
    void aDryRunWithoutSystemdStillShowsTheFiles() throws IOException {
        m.factory = RecordingSystemd.unreachable();
        m.source("web.container", WEB);
        Run r = m.berth("apply", "--dry-run", m.src.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("cannot read the units' states"), r.err());
        assertTrue(r.out().contains("would start web.service"), r.out());
        assertFalse(Files.exists(m.install));
    }

    @Test
    void withoutSystemdNothingIsInstalled() throws IOException {
        m.factory = RecordingSystemd.unreachable();
        m.source("web.container", WEB);
        Run r = m.berth("apply", m.src.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("berth: cannot reach the system bus; nothing was changed\n  fix: is dbus running?"),
                r.err());
        assertFalse(Files.exists(m.install));
    }

    @Test
    void aUnitThatFailsToStartFailsTheApplyWithAHint() throws IOException {
        m.systemd.failing("web.service", JobResult.FAILED);
        m.source("web.container", WEB);

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status());
        assertTrue(r.out().contains("failed to start web.service: start web.service: failed\n"), r.out());
        assertTrue(r.err().contains("journalctl -u web.service -n 50 --no-pager"), r.err());
        assertTrue(r.out().endsWith("1 file changed, 1 unit failed\n"), r.out());
        assertTrue(Files.exists(m.install.resolve("web.container")), "the files stay installed");
    }

    @Test
    void aFailedReloadIsReported() throws IOException {
        m.systemd.reloadFails();
        m.source("web.container", WEB);
        Run r = m.berth("apply", m.src.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("the files are installed, but systemd could not reload: permission denied"),
                r.err());
        assertEquals(List.of("daemon-reload"), m.systemd.actions());
    }

    @Test
    void userModeInstallsIntoTheConfigHomeAndTalksToTheUserManager() throws IOException {
        Path config = tmp.toRealPath().resolve("home/.config");
        m.variables = Map.of("HOME", tmp.toRealPath().resolve("home").toString());
        m.source("web.container", WEB.replace("multi-user.target", "default.target"));

        Run r = m.berth("apply", "--user", m.src.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(config.resolve("containers/systemd/web.container")));
        assertFalse(Files.exists(m.install));
        assertEquals("connect user", m.systemd.calls().get(0));
        assertEquals(List.of("daemon-reload", "start web.service"), m.systemd.actions());
    }

    @Test
    void aSingleFileComesWithItsDropInsAndNamedCompanions() throws IOException {
        m.source("web.kube", "[Kube]\nYaml=web.yaml\n");
        m.source("web.kube.d/10-env.conf", "[Kube]\nPublishPort=8000:80\n");
        m.source("kube.d/20-all.conf", "[Unit]\nDescription=all kube\n");
        m.source("web.yaml", "apiVersion: v1\nkind: Pod\n");
        m.source("unrelated.volume", DB);

        Run r = m.berth("apply", m.src.resolve("web.kube").toString(), m.src.resolve("web.yaml").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("kube.d", "kube.d/20-all.conf", "web.kube", "web.kube.d", "web.kube.d/10-env.conf",
                "web.yaml"), List.copyOf(ApplyFixture.tree(m.install).keySet()).subList(1, 7));
        assertFalse(Files.exists(m.install.resolve("unrelated.volume")));
    }

    @Test
    void aDropInDirectoryAloneGoesBesideItsFile() throws IOException {
        m.installed("web.container", WEB);
        m.systemd.unit("web.service", "active");
        m.source("web.container.d/10-env.conf", "[Container]\nEnvironment=A=b\n");

        Run r = m.berth("apply", m.src.resolve("web.container.d").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals("[Container]\nEnvironment=A=b\n", Files.readString(m.install.resolve("web.container.d/10-env.conf")));
        assertEquals(List.of("daemon-reload", "restart web.service"), m.systemd.actions());
    }

    @Test
    void conflictingInputsAndMissingPathsAreErrors() throws IOException {
        m.source("a/web.container", WEB);
        m.source("b/web.container", WEB_2);
        Run r = m.berth("apply", m.src.resolve("a").toString(), m.src.resolve("b").toString(),
                m.src.resolve("missing").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("would be installed as web.container, with different contents"), r.err());
        assertTrue(r.err().contains(m.src.resolve("missing") + ": error: no such file or directory"), r.err());
        assertFalse(Files.exists(m.install));
    }

    @Test
    void aFileHiddenByTheRuntimeDirectoryIsPointedOut() throws IOException {
        ApplyFixture.write(m.root.resolve("run/containers/systemd/web.container"), WEB);
        Path mine = m.source("web.container", WEB_2);
        Run r = m.berth("apply", m.src.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(mine + ": warning: the generator reads "
                + m.root.resolve("run/containers/systemd/web.container") + " instead of this file"), r.err());
    }

    @Test
    void helpDescribesTheCommand() {
        Run help = m.berth("apply", "--help");
        for (String s : List.of("--user", "--dry-run", "--format", "PATH", "atomically", "changed", "Exit status:",
                "Examples:")) {
            assertTrue(help.out().contains(s), s + " missing from\n" + help.out());
        }
        assertTrue(m.berth("--help").out().contains("apply"));
        assertEquals(2, m.berth("apply").status(), "a PATH is required");
    }

    private static JsonNode json(Run r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
