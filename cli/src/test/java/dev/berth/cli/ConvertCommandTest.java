package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth convert} and {@code berth schema}: what is printed, written, and refused. */
class ConvertCommandTest {

    @TempDir
    Path dir;

    private static Run berth(Map<String, String> env, String... args) throws IOException {
        return Run.of((out, err) -> Berth.execute(args, out, err, Environment.of(env, 0)));
    }

    private Path compose() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, """
                name: demo
                services:
                  web:
                    image: docker.io/library/nginx:${TAG:-1.27}
                    ports: ["8080:80"]
                    depends_on:
                      db: {condition: service_healthy}
                    links: [db]
                  db:
                    image: docker.io/library/postgres:16
                    healthcheck: {test: ["CMD", "pg_isready"]}
                """);
        return file;
    }

    @Test
    void printsUnitsAndWarnsAboutWhatHasNoEquivalent() throws IOException {
        Run r = berth(Map.of("TAG", "1.26"), "convert", compose().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("---web.container---"), r.out());
        assertTrue(r.out().contains("Image=docker.io/library/nginx:1.26"), r.out());
        assertTrue(r.out().contains("Notify=healthy"), r.out());
        assertTrue(r.err().contains("compose.yaml:8:5: warning: service 'web': 'links' has no equivalent"), r.err());
    }

    @Test
    void writesUnitsThatBerthCheckAccepts() throws IOException {
        Path out = dir.resolve("units");
        Run r = berth(Map.of(), "convert", "-o", out.toString(), compose().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("web.container")));
        assertTrue(Files.isRegularFile(out.resolve("demo.network")));
        Run check = berth(Map.of(), "check", out.toString());
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().contains("0 errors"), check.out());
    }

    @Test
    void writesOneSpecThatGeneratesTheSameUnits() throws IOException {
        Path units = dir.resolve("units");
        Path yaml = dir.resolve("yaml");
        assertEquals(0, berth(Map.of(), "convert", "-o", units.toString(), compose().toString()).status());
        Run r = berth(Map.of(), "convert", "--to", "yaml", "-o", yaml.toString(), compose().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(yaml.resolve("demo.berth.yaml")), r.out());
        Run fromUnits = berth(Map.of(), "generate", "--dryrun", units.toString());
        Run fromYaml = berth(Map.of(), "generate", "--dryrun", yaml.toString());
        assertEquals(0, fromYaml.status(), fromYaml.err());
        assertEquals(normalise(fromUnits.out()), normalise(fromYaml.out()));
    }

    /** Without SourcePath= and comments, units in name order (the dry run prints them in load order). */
    private static String normalise(String dryRun) {
        String s = dryRun.replaceAll("(?m)^SourcePath=.*\n", "").replaceAll("(?m)^#.*\n", "")
                .replaceAll("\n\n+", "\n\n").replaceAll("(?m)^(---.*---)\n\n", "$1\n");
        return java.util.Arrays.stream(s.split("(?m)^(?=---)")).sorted().collect(java.util.stream.Collectors.joining());
    }

    @Test
    void anErrorWritesNothing() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: x:${TAG:?needed}\n");
        Path out = dir.resolve("units");
        Run r = berth(Map.of(), "convert", "-o", out.toString(), dir.resolve("compose.yaml").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("compose.yaml:3:12: error: required variable TAG is missing: needed"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unitFilesToYaml() throws IOException {
        Files.writeString(dir.resolve("web.container"), "[Container]\nImage=localhost/web\nPublishPort=80:80\n");
        Files.writeString(dir.resolve("data.volume"), "[Volume]\n");
        Run r = berth(Map.of(), "convert", "--from-units", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("units:\n  data.volume:\n    Volume: {}\n  web.container:\n    Container:\n"
                + "      Image: localhost/web\n      PublishPort: 80:80\n"), r.out());
    }

    @Test
    void usage() throws IOException {
        assertEquals(2, berth(Map.of(), "convert").status());
        assertEquals(2, berth(Map.of(), "convert", "--to", "json", "x.yaml").status());
    }

    @Test
    void schemaIsJson() throws IOException {
        Run r = berth(Map.of(), "schema");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), r.out());
        assertTrue(r.out().contains("\"PublishPort\""));
    }
}
