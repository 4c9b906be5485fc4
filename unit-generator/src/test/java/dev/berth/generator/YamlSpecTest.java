package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth YAML specs go through the same loader, generator and checks as unit files. */
class YamlSpecTest {

    @TempDir
    Path dir;

    private static Path examples() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/yaml"))) {
            d = d.getParent();
        }
        return d.resolve("examples");
    }

    private static Generation.Outcome generate(Path... paths) {
        return Generation.run(List.of(paths), new GeneratorOptions(false, GeneratorOptions.DEFAULT_PODMAN),
                HostView.real());
    }

    /** Without SourcePath= (each names its own file) and comments (YAML comments are not unit-file comments). */
    private static String normalise(Generation.Outcome o) {
        String all = DryRunOutput.render(o.units()).replaceAll("(?m)^SourcePath=.*$", "SourcePath=<source>")
                .replaceAll("(?m)^#.*\n", "").replaceAll("\n\n+", "\n\n").replaceAll("(?m)^(---.*---)\n\n", "$1\n");
        // Units in name order: the dry run prints them in load order, a spec's order or the directory's.
        return java.util.Arrays.stream(all.split("(?m)^(?=---)")).sorted().collect(Collectors.joining());
    }

    @Test
    void theExampleSpecGeneratesTheUnitsOfTheExampleUnitFiles() {
        Generation.Outcome units = generate(examples().resolve("quadlet/app"));
        Generation.Outcome yaml = generate(examples().resolve("yaml/app.berth.yaml"));
        assertTrue(units.diagnostics().isEmpty(), units.diagnostics().toString());
        assertTrue(yaml.diagnostics().isEmpty(), yaml.diagnostics().toString());
        assertEquals(4, yaml.units().units().size());
        assertEquals(normalise(units), normalise(yaml));
    }

    @Test
    void byteIdenticalToUnitFilesWithoutComments() throws IOException {
        Path unitsDir = Files.createDirectories(dir.resolve("units"));
        Files.writeString(unitsDir.resolve("web.container"), """
                [Unit]
                Description=web
                After=db.service

                [Container]
                Image=localhost/busybox:latest
                Environment="GREETING=hello world"
                Exec=httpd -f -p 80
                ReadOnly=true

                [Install]
                WantedBy=default.target
                """);
        Path yamlDir = Files.createDirectories(dir.resolve("yaml"));
        Files.writeString(yamlDir.resolve("web.berth.yaml"), """
                units:
                  web.container:
                    Unit:
                      Description: web
                      After: db.service
                    Container:
                      Image: localhost/busybox:latest
                      Environment: {GREETING: hello world}
                      Exec: [httpd, -f, -p, 80]
                      ReadOnly: true
                    Install:
                      WantedBy: default.target
                """);
        String fromUnits = DryRunOutput.render(generate(unitsDir).units());
        String fromYaml = DryRunOutput.render(generate(yamlDir).units());
        assertEquals(fromUnits.replace(unitsDir.resolve("web.container").toString(), "SOURCE"),
                fromYaml.replace(yamlDir.resolve("web.berth.yaml").toString(), "SOURCE"));
    }

    @Test
    void specsInASearchDirectoryAreLoadedBesideUnitFilesAndTheirDropInsApply() throws IOException {
        Files.writeString(dir.resolve("app.berth.yaml"), """
                units:
                  api.container:
                    Container:
                      Image: localhost/api
                  cache.volume:
                """);
        Files.writeString(dir.resolve("web.container"), "[Container]\nImage=localhost/web\nVolume=cache.volume:/c\n");
        Files.createDirectories(dir.resolve("api.container.d"));
        Files.writeString(dir.resolve("api.container.d/10-env.conf"), "[Container]\nEnvironment=FROM=dropin\n");
        Generation.Outcome o = generate(SearchPath.expand(List.of(dir)).directories().toArray(Path[]::new));
        assertTrue(o.diagnostics().isEmpty(), o.diagnostics().toString());
        String out = DryRunOutput.render(o.units());
        assertTrue(out.contains("---api.service---"), out);
        assertTrue(out.contains("--env FROM=dropin"), out);
        assertTrue(out.contains("---cache-volume.service---"), out);
        assertTrue(out.contains("-v systemd-cache:/c"), out);
        assertTrue(out.contains("SourcePath=" + dir.resolve("app.berth.yaml")), out);
    }

    @Test
    void aBrokenSpecIsReportedAtItsNodeAndHidesNothingElse() throws IOException {
        Files.writeString(dir.resolve("bad.berth.yaml"), "units:\n  a.container:\n    Container:\n      Image: x\n      Image: y\n");
        Files.writeString(dir.resolve("ok.container"), "[Container]\nImage=localhost/ok\n");
        Generation.Outcome o = generate(dir);
        assertEquals(List.of(dir.resolve("bad.berth.yaml") + ":5:7: error: duplicate key 'Image' (first defined at line 4)"
                + "; remove one of them; YAML keys must be unique"),
                o.diagnostics().stream().map(Diagnostic::format).collect(Collectors.toList()));
        assertEquals(1, o.units().units().size());
    }

    @Test
    void unknownKeysGetTheSameSuggestionAsInUnitFiles() throws IOException {
        Files.writeString(dir.resolve("a.berth.yaml"), "units:\n  a.container:\n    Container:\n      Image: localhost/x\n      PublishPrt: 80\n");
        Generation.Outcome o = generate(dir);
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(dir.resolve("a.berth.yaml") + ":5:7", d.position().toString());
        assertEquals("unknown key 'PublishPrt' in [Container]", d.message());
        assertEquals("did you mean 'PublishPort'?", d.fix().orElseThrow());
    }

    @Test
    void aBadValueIsReportedAtTheYamlValue() throws IOException {
        Files.writeString(dir.resolve("a.berth.yaml"), "units:\n  a.container:\n    Container:\n      Image: localhost/x\n      ReadOnly: maybe\n");
        Diagnostic d = generate(dir).diagnostics().get(0);
        assertEquals(dir.resolve("a.berth.yaml") + ":5:17", d.position().toString(), d.format());
    }

    @Test
    void aUnitDefinedTwiceInOneDirectoryIsReported() throws IOException {
        Files.writeString(dir.resolve("a.berth.yaml"), "units:\n  web.container:\n    Container:\n      Image: localhost/x\n");
        Files.writeString(dir.resolve("web.container"), "[Container]\nImage=localhost/y\n");
        Generation.Outcome o = generate(dir);
        assertFalse(o.hasErrors());
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        assertTrue(o.diagnostics().get(0).message().contains("'web.container' is also defined by"), o.diagnostics().toString());
    }
}
