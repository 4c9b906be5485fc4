package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.generator.Environment;
import dev.berth.spec.quadlet.KeyCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth.conf's Quadlet version target in check, generate and the generator; berth keys; .quadlets files. */
class VersionTargetCommandsTest {

    @TempDir
    Path tmp;

    private Run berth(Map<String, String> vars, String... args) throws IOException {
        Environment env = Environment.of(vars, 0, tmp.toRealPath());
        return Run.of((out, err) -> Berth.execute(args, out, err, env));
    }

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.toRealPath().resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** A podman that only says its version. */
    private Path fakePodman(String version) throws IOException {
        Path p = write("bin/podman", "#!/bin/sh\necho \"podman version " + version + "\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void checkRefusesKeysNewerThanThePinnedTarget() throws IOException {
        write("etc/berth/berth.conf", "[Generator]\nQuadletVersion=5.4\n");
        Path f = write("q/web.container", "[Container]\nImage=localhost/img\nMemory=512m\n");
        Run r = berth(Map.of("PODMAN", "/nonexistent/podman"), "check", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains(f + ":3:1: error: 'Memory' in [Container] needs Quadlet 5.5, but berth generates"
                + " for Quadlet 5.4;"), r.out());
    }

    @Test
    void checkWarnsAboutKeysNewerThanTheInstalledPodman() throws IOException {
        Path podman = fakePodman("5.4.2");
        Path f = write("q/web.container", "[Container]\nImage=localhost/img\nMemory=512m\nHttpProxy=false\n");
        Run r = berth(Map.of("PODMAN", podman.toString()), "check", f.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains(f + ":3:1: warning: 'Memory' needs Quadlet 5.5, but the podman installed here is"
                + " 5.4; upgrade podman to 5.5 or later, or pin berth to the installed version with [Generator]"
                + " QuadletVersion=5.4 in berth.conf"), r.out());
        assertTrue(r.out().contains(f + ":4:1: warning: 'HttpProxy' needs Quadlet 5.7"), r.out());
        assertTrue(r.out().endsWith("1 file checked, 0 errors, 2 warnings\n"), r.out());
        // A podman as new as the keys: nothing to say.
        Run current = berth(Map.of("PODMAN", fakePodman("5.8.6").toString()), "check", f.toString());
        assertTrue(current.out().endsWith("0 errors, 0 warnings\n"), current.out());
    }

    @Test
    void aBadConfigurationIsReportedWithItsPosition() throws IOException {
        Path conf = write("etc/berth/berth.conf", "[Generator]\nQuadletVersion=4.9\n");
        Path f = write("q/web.container", "[Container]\nImage=localhost/img\n");
        Run r = berth(Map.of("PODMAN", "/nonexistent/podman"), "check", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith(conf + ":2:16: error: QuadletVersion=4.9 is not a Quadlet version berth can"
                + " target"), r.out());
    }

    @Test
    void theGeneratorReadsTheTargetAndReportsABadFile() throws IOException {
        Path dir = tmp.toRealPath().resolve("units");
        write("units/web.container", "[Container]\nImage=localhost/img\n");
        Path conf = write("berth.conf", "[Generator]\nQuadletVersion=5.4\n");
        Map<String, String> vars = new HashMap<>(Map.of("QUADLET_UNIT_DIRS", dir.toString(),
                "BERTH_CONFIG", conf.toString()));
        Output o = generator(vars);
        assertEquals(0, o.status, o.err);
        assertTrue(o.out.contains("--cidfile=%t/%N.cid"), o.out); // 5.4's output
        Files.writeString(conf, "[Generator]\nQuadletVersion=9.9\n");
        Output bad = generator(vars);
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains(conf + ":2:16: error: QuadletVersion=9.9 is not a Quadlet version"), bad.err);
        assertTrue(bad.out.contains("---web.service---"), "still generated, with the default target");
        assertFalse(bad.out.contains("--cidfile"), bad.out);
    }

    private record Output(int status, String out, String err) {
    }

    private Output generator(Map<String, String> vars) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment env = Environment.of(vars, 0, tmp.toRealPath());
        int status = GeneratorMain.run(new String[] {"-dryrun"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keysListsTheCatalogueOfAKind() throws IOException {
        Run r = berth(Map.of(), "keys", "volume");
        assertEquals(0, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals("[Volume]", lines.get(0));
        assertTrue(lines.get(1).startsWith("KEY") && lines.get(1).contains("SINCE"), lines.get(1));
        assertEquals(KeyCatalog.section("Volume").size(), lines.size() - 3); // header, column names, blank line
        assertTrue(r.out().lines().anyMatch(l -> l.matches("UID +single +6\\.0 +--uid +.*")), r.out());
        assertEquals(2, berth(Map.of(), "keys", "containr").status());
    }

    @Test
    void keysAsJsonHasEveryKeyOnce() throws IOException {
        Run r = berth(Map.of(), "keys", "--format", "json");
        JsonNode keys = new ObjectMapper().readTree(r.out());
        assertEquals(KeyCatalog.all().size(), keys.size());
        JsonNode first = keys.get(0);
        assertEquals("Container", first.get("section").asText());
        assertTrue(first.has("since") && first.has("value") && first.has("description") && first.has("podman"));
    }

    @Test
    void checkAndGenerateReadQuadletsFiles() throws IOException {
        Path f = write("app.quadlets", "# FileName=web\n[Container]\nImage=localhost/img\nVolume=data.volume:/d\n"
                + "---\n# FileName=data\n[Volume]\nPublishPorts=1\n");
        Run check = berth(Map.of("PODMAN", "/nonexistent/podman"), "check", f.toString());
        assertEquals(1, check.status());
        assertTrue(check.out().contains(f + ":8:1: error: unknown key 'PublishPorts' in [Volume]"), check.out());
        Files.writeString(f, "# FileName=web\n[Container]\nImage=localhost/img\nVolume=data.volume:/d\n"
                + "---\n# FileName=data\n[Volume]\n");
        Run gen = berth(Map.of(), "generate", "--dryrun", f.toString());
        assertEquals(0, gen.status(), gen.err());
        assertTrue(gen.out().contains("---web.service---") && gen.out().contains("---data-volume.service---"));
        assertTrue(gen.out().contains("-v systemd-data:/d"), gen.out());
    }
}
