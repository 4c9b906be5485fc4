package dev.berth.spec.quadlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodmanValuesTest {

    @Test
    void publishPortFormsPodmanAccepts() {
        for (String ok : new String[] {"80", "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80", "[::1]:8080:80",
            "[::]:53:53/udp", "8000-8010:8000-8010", "8080:80/tcp,udp", "0:80"}) {
            assertEquals(Optional.empty(), PodmanValues.publishPort(ok), ok);
        }
        for (String bad : new String[] {"99999:80", "8080:0", "http:80", "8080:80/tpc", "1:2:3:4"}) {
            assertTrue(PodmanValues.publishPort(bad).isPresent(), bad);
        }
    }

    @Test
    void volumeOptions() {
        for (String ok : new String[] {"/data", "/srv:/data", "/srv:/data:ro,Z", "vol.volume:/d:U,z,idmap=uids=0-1-1",
            "/a:/b:rshared,nosuid", "named:/opts:"}) {
            assertEquals(Optional.empty(), PodmanValues.volume(ok), ok);
        }
        assertEquals(Optional.of("did you mean 'nosuid'?"), PodmanValues.volume("/a:/b:rw,nosiud").orElseThrow().fix());
        assertTrue(PodmanValues.volume("/a:/b:Z,badopt").isPresent());
        assertTrue(PodmanValues.volume("/a:/b:ro:extra").isPresent());
    }

    @Test
    void enumerations() {
        dev.berth.spec.syntax.Section section = dev.berth.spec.syntax.UnitFileParser.parse("t.container",
                "[Container]\nLogDriver=journal\nHealthOnFailure=restart\nPull=Always\nAutoUpdate=local\n")
                .file().section("Container").orElseThrow();
        List<dev.berth.spec.Diagnostic> d = PodmanValues.check(section);
        assertEquals(1, d.size(), d.toString());
        assertEquals("t.container:2:11: warning: 'journal' is not a valid LogDriver= value: podman has no such log "
                + "driver, so the unit fails when it starts; did you mean 'journald'?", d.get(0).format());
    }
}
