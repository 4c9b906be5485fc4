package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SearchPath;
import dev.berth.generator.SourceLoader;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.yaml.BerthYaml;
import dev.berth.spec.yaml.BerthYamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML is a second syntax for the same model: every corpus case that generates without errors is written as one
 * {@code .berth.yaml} spec ({@link BerthYamlWriter}, what {@code berth convert --from-units} does), and the spec
 * must generate the same units, byte for byte, except {@code SourcePath=}, which names the file each came from (the
 * spec, so that systemd's reload check watches the real file), and comments, which YAML does not carry over. This is the units → YAML → units round trip over
 * every key of every kind, templates and drop-ins.
 */
class YamlRoundTripTest {

    private static final AtomicInteger COMPARED = new AtomicInteger();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyAcceptedCaseGeneratesTheSameUnitsFromYaml() {
        return CorpusCase.all(CorpusLocation.corpus()).stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> roundTrip(c)));
    }

    private static void roundTrip(CorpusCase c) throws IOException {
        GeneratorOptions options = new GeneratorOptions(c.user(), GeneratorOptions.DEFAULT_PODMAN);
        List<Path> unitDirs = SearchPath.expand(List.of(c.unitsDir())).directories();
        Generation.Outcome fromUnits = Generation.run(unitDirs, options, HostView.real());
        if (fromUnits.hasErrors() || fromUnits.sources().isEmpty()
                || fromUnits.sources().stream().anyMatch(s -> s.fileName().indexOf('\uFFFD') >= 0)) {
            return; // nothing to compare: the case is about an error, or a name YAML (UTF-8) cannot hold
        }
        // One spec per source directory, at the same place in a copy of the tree, so that relative paths resolve
        // against the same directories (what berth convert --from-units does).
        LoadedSources loaded = SourceLoader.load(SearchPath.expand(List.of(c.unitsDir())));
        Map<String, List<BerthYaml.Unit>> byDirectory = new LinkedHashMap<>();
        for (SourceUnit s : loaded.units()) {
            byDirectory.computeIfAbsent(s.directory(), d -> new ArrayList<>())
                    .add(new BerthYaml.Unit(s.fileName(), s.kind(), s.file()));
        }
        Path caseCopy = work.resolve(c.name());
        Path dir = caseCopy.resolve("units");
        Path spec = null;
        for (Map.Entry<String, List<BerthYaml.Unit>> e : byDirectory.entrySet()) {
            Path relative = c.unitsDir().toAbsolutePath().relativize(Path.of(e.getKey()));
            Path specDir = Files.createDirectories(dir.resolve(relative));
            spec = specDir.resolve("app" + BerthYaml.EXTENSION);
            Files.writeString(spec, BerthYamlWriter.write(e.getValue(), "from " + c.name()), StandardCharsets.UTF_8);
        }
        Path lastSpec = spec;
        Generation.Outcome fromYaml = Generation.run(SearchPath.expand(List.of(dir)).directories(), options,
                HostView.real());
        assertFalse(fromYaml.hasErrors(), () -> fromYaml.diagnostics() + "\n" + read(lastSpec));
        String expected = normalise(DryRunOutput.render(fromUnits.units()), c.dir());
        String actual = normalise(DryRunOutput.render(fromYaml.units()), caseCopy);
        assertEquals(expected, actual, () -> read(lastSpec));
        COMPARED.incrementAndGet();
    }

    /**
     * {@code SourcePath=} names each file; relative paths resolve against each copy's directories; comments, which
     * Quadlet copies into the renamed main section, are not carried into YAML.
     */
    private static String normalise(String units, Path dir) {
        return units.replaceAll("(?m)^SourcePath=.*$", "SourcePath=<source>")
                .replace(dir.toAbsolutePath().toString(), "<dir>")
                .replaceAll("(?m)^[#;].*\n", "")
                .replaceAll("\n\n+", "\n\n")
                .replaceAll("(?m)^(---.*---)\n\n", "$1\n"); // where a leading comment was
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    static void enoughCasesCompared() {
        assertTrue(COMPARED.get() >= 150, "only " + COMPARED.get() + " corpus cases compared");
    }
}
