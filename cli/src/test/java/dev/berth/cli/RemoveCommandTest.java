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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveCommandTest {

    private static final String APP = "[Container]\nImage=localhost/x\nNetwork=net.network\n";

    @TempDir
    Path tmp;
    ApplyFixture m;

    @BeforeEach
    void machine() throws IOException {
        m = new ApplyFixture(tmp);
    }

    @Test
    void stopsTheUnitDeletesItsFileAndOwnDropInsAndReloads() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        m.installed("web.container.d/berth-enable.conf", "[Install]\nWantedBy=default.target\n");
        m.installed("container.d/shared.conf", "[Container]\nLabel=a=b\n");
        m.installed("web.yaml", "kind: Pod\n");
        m.installed("db.volume", "[Volume]\n");
        m.systemd.unit("web.service", "active");

        Run r = m.berth("remove", "web");

        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("stop web.service", "daemon-reload", "reset-failed web.service"), m.systemd.actions());
        assertFalse(Files.exists(m.install.resolve("web.container")));
        assertFalse(Files.exists(m.install.resolve("web.container.d")), "its own drop-in directory goes");
        assertTrue(Files.exists(m.install.resolve("container.d/shared.conf")), "shared drop-ins stay");
        assertTrue(Files.exists(m.install.resolve("web.yaml")), "other files stay");
        assertTrue(Files.exists(m.install.resolve("db.volume")));
        assertTrue(r.out().contains("--- " + m.install.resolve("web.container") + "\n+++ /dev/null\n"), r.out());
        assertTrue(r.out().endsWith("stopped web.service (removed): done\n2 files removed, 1 unit stopped\n"),
                r.out());
    }

    @Test
    void refusesWhileAnotherInstalledFileRefersToIt() throws IOException {
        m.installed("net.network", "[Network]\n");
        Path app = m.installed("app.container", APP);
        Map<String, String> before = ApplyFixture.tree(m.install);

        Run r = m.berth("remove", "net.network");

        assertEquals(1, r.status());
        assertTrue(r.err().contains(app + ":3:9: error: Network= names net.network, but there is no such Quadlet file"),
                r.err());
        assertTrue(r.err().contains("refer to what would be removed (see above); nothing was changed\n"
                + "  fix: remove them too, or pass --force"), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
        assertEquals(0, m.systemd.connections());
    }

    @Test
    void removingTheReferrerTooIsFine() throws IOException {
        m.installed("net.network", "[Network]\n");
        m.installed("app.container", APP);
        Run r = m.berth("remove", "net", "app");
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(m.install.resolve("net.network")));
        assertFalse(Files.exists(m.install.resolve("app.container")));
    }

    @Test
    void forceRemovesAnywayAndStopsTheUnitsThatNoLongerGenerate() throws IOException {
        m.installed("net.network", "[Network]\n");
        m.installed("app.container", APP);
        m.systemd.unit("net-network.service", "active").unit("app.service", "active");

        Run r = m.berth("remove", "--force", "net.network");

        assertEquals(0, r.status(), r.err());
        assertEquals("stop net-network.service app.service", m.systemd.actions().get(0));
        assertTrue(r.err().contains("warning: (--force) Network= names net.network"), r.err());
        assertTrue(Files.exists(m.install.resolve("app.container")));
    }

    @Test
    void aUnitThatWillNotStopKeepsItsFile() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        m.systemd.unit("web.service", "active").failing("web.service", JobResult.TIMEOUT);
        Run r = m.berth("remove", "web.service");
        assertEquals(1, r.status());
        assertTrue(Files.exists(m.install.resolve("web.container")));
        assertEquals(List.of("stop web.service"), m.systemd.actions());
        assertTrue(r.err().contains("a unit did not stop; no file was removed"), r.err());
    }

    @Test
    void unknownNamesAndFilesOutsideTheInstallDirectoryAreRefused() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        ApplyFixture.write(m.root.resolve("usr/share/containers/systemd/vendor.container"), ApplyCommandTest.WEB);

        Run typo = m.berth("remove", "wbe");
        assertEquals(1, typo.status());
        assertTrue(typo.err().contains("berth: no unit named 'wbe' in the search path\n  fix: did you mean 'web'?"),
                typo.err());

        Run vendor = m.berth("remove", "vendor");
        assertEquals(1, vendor.status());
        assertTrue(vendor.err().contains("vendor.container is " + m.root.resolve("usr/share/containers/systemd/"
                + "vendor.container") + ", outside " + m.install), vendor.err());
        assertTrue(Files.exists(m.install.resolve("web.container")));
        assertEquals(0, m.systemd.connections());
    }

    @Test
    void aDryRunChangesNothing() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        m.systemd.unit("web.service", "active");
        Map<String, String> before = ApplyFixture.tree(m.install);

        Run r = m.berth("remove", "--dry-run", "--format", "json", "web");

        assertEquals(0, r.status(), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
        assertEquals(List.of(), m.systemd.actions());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("changed").asBoolean());
        assertEquals("removed", doc.get("files").get(0).get("action").asText());
        assertEquals("stop", doc.get("units").get(0).get("action").asText());
        assertEquals("planned", doc.get("units").get(0).get("result").asText());
    }

    @Test
    void aFailedDeleteRestoresTheFilesAlreadyDeleted() throws IOException {
        m.installed("a.volume", "[Volume]\n");
        m.installed("b.volume", "[Volume]\nLabel=x=y\n");
        Map<String, String> before = ApplyFixture.tree(m.install);
        FileStore real = FileStore.atomic();
        FileStore secondDeleteFails = new FileStore() {
            int deletes;

            @Override
            public void createDirectory(Path dir) throws IOException {
                real.createDirectory(dir);
            }

            @Override
            public void replace(Path target, byte[] bytes, java.util.Set<java.nio.file.attribute.PosixFilePermission> mode)
                    throws IOException {
                real.replace(target, bytes, mode);
            }

            @Override
            public void delete(Path target) throws IOException {
                if (++deletes == 2) {
                    throw new java.nio.file.AccessDeniedException(target.toString());
                }
                real.delete(target);
            }

            @Override
            public void deleteDirectoryIfEmpty(Path dir) throws IOException {
                real.deleteDirectoryIfEmpty(dir);
            }
        };

        Run r = m.withStore(secondDeleteFails, "remove", "a.volume", "b.volume");

        assertEquals(1, r.status());
        assertTrue(r.err().contains(m.install.resolve("b.volume") + ": error: cannot delete this file: "
                + "permission denied"), r.err());
        assertEquals(before, ApplyFixture.tree(m.install));
        assertEquals(List.of(), m.systemd.actions(), "no reload: nothing changed");
    }

    @Test
    void helpDescribesWhatIsAndIsNotRemoved() {
        Run help = m.berth("remove", "--help");
        for (String s : List.of("--force", "--dry-run", "--user", "drop-in", "kube YAML", "NAME")) {
            assertTrue(help.out().contains(s), s + " missing from\n" + help.out());
        }
    }
}
