package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.generator.Environment;
import dev.berth.spec.quadlet.KeyCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BerthTest {

    @TempDir
    Path tmp;

    private Run berth(String... args) throws IOException {
        Environment env = Environment.of(Map.of(), 0, tmp.toRealPath());
        return Run.of((out, err) -> Berth.execute(args, out, err, env));
    }

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.toRealPath().resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void checkPrintsPositionedDiagnosticsWithFixesAndASummary() throws IOException {
        Path bad = write("q/bad.container", "[Container]\nImage=localhost/x\nPublishPort 8080:80\n");

        Run r = berth("check", bad.toString());

        assertEquals(1, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals(bad + ":3:1: error: line is not a section header, a Key=value assignment or a comment: "
                + "\"PublishPort 8080:80\"; add '=' between the key and its value, or start the line with '#' "
                + "to make it a comment", lines.get(0));
        assertEquals("1 file checked, 1 error, 0 warnings", lines.get(lines.size() - 1));
        assertEquals("", r.err());
    }

    @Test
    void checkSuggestsTheKeyThatWasMeant() throws IOException {
        Path f = write("q/web.container", "[Container]\nImage=localhost/busybox:latest\nPublishPorts=8080:80\n");

        Run r = berth("check", f.toString());

        assertEquals(1, r.status());
        assertTrue(r.out().contains(f + ":3:1: error: unknown key 'PublishPorts' in [Container]; "
                + "did you mean 'PublishPort'?\n"), r.out());
        assertTrue(r.out().endsWith("1 file checked, 1 error, 0 warnings\n"), r.out());
    }

    @Test
    void checkOfAnEmptyDirectoryIsClean() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("empty"));
        Run r = berth("check", d.toString());
        assertEquals(0, r.status());
        assertEquals("0 files checked, 0 errors, 0 warnings\n", r.out());
    }

    @Test
    void checkWithoutPathsReadsTheSearchPath() throws IOException {
        write("etc/containers/systemd/sub/x.container", "[Container\n");
        Run r = berth("check");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith(tmp.toRealPath().resolve("etc/containers/systemd/sub/x.container") + ":1:1: error:"),
                r.out());
    }

    @Test
    void jsonFormatHasFilesDiagnosticsAndUnits() throws IOException {
        Path bad = write("q/bad.container", "[Container]\nImage=localhost/x\nbroken line\n");

        Run r = berth("check", "--format", "json", bad.getParent().toString());

        assertEquals(1, r.status());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(bad.toString(), doc.get("files").get(0).asText());
        JsonNode d = doc.get("diagnostics").get(0);
        assertEquals(bad.toString(), d.get("file").asText());
        assertEquals(3, d.get("line").asInt());
        assertEquals(1, d.get("column").asInt());
        assertEquals("error", d.get("severity").asText());
        assertTrue(d.get("message").asText().startsWith("line is not a section header"));
        assertTrue(d.get("fix").asText().startsWith("add '='"));
        assertTrue(doc.get("units").isArray());
        assertEquals(1, doc.get("summary").get("errors").asInt());
    }

    @Test
    void generateDryRunPrintsDiagnosticsToStandardError() throws IOException {
        Path d = write("q/bad.container", "[Container]\nx\n").getParent();
        write("q/good.volume", "[Volume]\n");

        Run r = berth("generate", "--dryrun", d.toString());

        assertEquals(1, r.status());
        assertTrue(r.err().contains(d.resolve("bad.container") + ":2:1: error:"), r.err());
        assertTrue(r.out().contains("---good-volume.service---\n")
                || r.err().contains(d.resolve("good.volume") + ": error:"), r.out() + r.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, berth("check", "--bogus").status());
        assertEquals(2, berth("check", "--format", "yaml").status());
        assertEquals(2, berth().status());
        assertEquals(2, berth("frobnicate").status());
    }

    /** Only the named command is built when the line begins with one; the help and suggestions still see all. */
    @Test
    void everyCommandIsListedAndSuggestedThoughOnlyTheNamedOneIsBuilt() throws IOException {
        Run top = berth("--help");
        for (String c : List.of("generate", "check", "apply", "remove", "start", "stop", "restart", "reload",
                "status", "list", "logs", "daemon-reload", "enable", "disable", "help")) {
            assertTrue(top.out().lines().anyMatch(l -> l.strip().startsWith(c + " ")), c + " missing from\n" + top.out());
        }
        Run misspelt = berth("stauts");
        assertEquals(2, misspelt.status());
        assertTrue(misspelt.err().contains("did you mean 'status'?"), misspelt.err());
        Run swapped = berth("strat", "web");
        assertEquals(2, swapped.status());
        assertEquals("berth: unknown command 'strat'; did you mean 'start'?", swapped.err().lines().findFirst()
                .orElse(""), swapped.err());
        Run nothingClose = berth("frobnicate");
        assertEquals(2, nothingClose.status());
        assertTrue(nothingClose.err().contains("Unmatched argument"), nothingClose.err());
        Run start = berth("start", "--help");
        assertEquals(0, start.status());
        assertTrue(start.out().contains("Usage: berth start"), start.out());
        Run viaHelp = berth("help", "stop");
        assertEquals(0, viaHelp.status());
        assertTrue(viaHelp.out().contains("Usage: berth stop"), viaHelp.out());
    }

    @Test
    void helpIsCompleteForEveryCommand() throws IOException {
        Run top = berth("--help");
        assertEquals(0, top.status());
        for (String s : List.of("generate", "check", "Exit status:", "Examples:", "--version")) {
            assertTrue(top.out().contains(s), s + " missing from\n" + top.out());
        }
        Run check = berth("check", "--help");
        for (String s : List.of("--user", "--format", "PATH", "files checked", "Exit status:", "Examples:")) {
            assertTrue(check.out().contains(s), s + " missing from\n" + check.out());
        }
        Run generate = berth("help", "generate");
        for (String s : List.of("--dryrun", "--output", "--user", "--format", "PATH", "PODMAN", "Exit status:")) {
            assertTrue(generate.out().contains(s), s + " missing from\n" + generate.out());
        }
        Run version = berth("--version");
        assertTrue(version.out().startsWith("berth "), version.out());
    }
}
