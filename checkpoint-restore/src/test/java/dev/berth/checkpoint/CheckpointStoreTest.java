package dev.berth.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path tmp;

    private static CheckpointMetadata meta(String unit, long size) {
        return new CheckpointMetadata(unit, "systemd-web", "a.tar.zst", "localhost/busybox:latest", "sha256:1",
                "2026-12-03T08:00:00Z", "5.4.2", "4.2.1", "6.18", "sha256:2", size, "zstd", false, "test",
                NullNode.getInstance());
    }

    private CheckpointStore at(Instant t) {
        return new CheckpointStore(tmp.resolve("checkpoints"), Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void reservedFilesAre0600In0700DirectoriesAndCommitRenames() throws Exception {
        CheckpointStore store = at(Instant.parse("2026-12-03T08:00:00Z"));
        CheckpointStore.Reservation r = store.reserve("web.service", ".tar.zst");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.temp())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.temp().getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.root())));
        assertTrue(r.temp().getFileName().toString().startsWith("."));
        assertFalse(Files.exists(r.target()));
        Files.write(r.temp(), new byte[] {1, 2, 3});
        Archive a = store.commit(r, meta("web.service", 3));
        assertFalse(Files.exists(r.temp()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.path())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.metadataPath())));
        assertEquals("20261203T080000.000000000Z", a.stamp());
        List<Archive> listed = store.list("web.service");
        assertEquals(1, listed.size());
        assertEquals("localhost/busybox:latest", listed.get(0).metadata().orElseThrow().image());
        assertEquals(listed.get(0).path(), store.find("web.service", "latest").orElseThrow().path());
    }

    @Test
    void partFilesAreNotArchives() throws Exception {
        CheckpointStore store = at(Instant.parse("2026-12-03T08:00:00Z"));
        store.reserve("web.service", ".tar");
        assertEquals(List.of(), store.list("web.service"));
        assertEquals(Optional.empty(), store.newest("web.service"));
    }

    @Test
    void pruneKeepsTheNewest() throws Exception {
        for (int i = 0; i < 4; i++) {
            CheckpointStore s = at(Instant.parse("2026-12-03T08:00:00Z").plusSeconds(i));
            s.commit(s.reserve("web.service", ".tar"), meta("web.service", 0));
        }
        CheckpointStore store = at(Instant.parse("2026-12-03T09:00:00Z"));
        List<Archive> gone = store.prune("web.service", Optional.of(1), Optional.empty());
        assertEquals(3, gone.size());
        assertEquals("20261203T080003.000000000Z", store.list("web.service").get(0).stamp());
        assertFalse(Files.exists(gone.get(0).metadataPath()));
        assertEquals(0, store.prune("web.service", Optional.empty(), Optional.of(Duration.ofDays(1))).size());
    }

    @Test
    void unitNamesCannotEscapeTheStore() {
        CheckpointStore store = at(Instant.now());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> store.unitDirectory("../etc")).getMessage().contains("not a unit name"));
    }

    @Test
    void containerUnitReadsTheHelperLine() throws Exception {
        Path unit = tmp.resolve("web.service");
        Files.writeString(unit, "[Service]\nExecStart=/usr/lib/berth/berth-unit-helper start latest localhost/b:1 -- "
                + "/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm -d localhost/b:1 sh\n");
        ContainerUnit cu = ContainerUnit.read("web.service", unit, Optional.empty());
        assertTrue(cu.throughHelper());
        assertEquals("systemd-web", cu.containerName());
        assertEquals(Optional.of("localhost/b:1"), cu.image());
        assertTrue(cu.runLine().startsWith("/usr/bin/podman run --name"));
        assertEquals("docker.io/library/busybox:latest", ContainerUnit.normalImage("busybox"));
    }
}
