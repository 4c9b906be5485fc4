package dev.berth.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFilePrinter;
import dev.berth.spec.yaml.BerthYaml;
import dev.berth.spec.yaml.BerthYamlReader;
import dev.berth.spec.yaml.BerthYamlWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Compose corpus ({@code src/test/corpus/NN-name/compose.yaml}, in the style of real projects): each file
 * converts without errors, its units pass the generator's checks (what {@code berth check} runs) without errors,
 * the YAML form generates the same units, and goldens pin the units ({@code expected.units}) and the warnings
 * ({@code expected.warnings}). {@code case.properties} may set {@code profiles} and {@code env.NAME} variables
 * (the environment is nothing else, so runs do not depend on the machine). Regenerate the goldens with
 * {@code -Dberth.golden.update=true} and review the diff.
 */
class ComposeCorpusTest {

    static final Path CORPUS = Path.of("src/test/corpus");
    private static final boolean UPDATE = Boolean.getBoolean("berth.golden.update");

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList();
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyComposeFiles() throws IOException {
        assertTrue(cases().size() >= 30, "only " + cases().size() + " cases");
    }

    @TestFactory
    Stream<DynamicTest> eachComposeFileConvertsAndPassesCheck() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    static Conversion convert(Path dir) throws IOException {
        Properties p = new Properties();
        Path props = dir.resolve("case.properties");
        if (Files.isRegularFile(props)) {
            try (Reader r = Files.newBufferedReader(props)) {
                p.load(r);
            }
        }
        Map<String, String> env = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("env.")).forEach(k -> env.put(k.substring(4), p.getProperty(k)));
        LinkedHashSet<String> profiles = Arrays.stream(p.getProperty("profiles", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        ComposeOptions options = new ComposeOptions(Optional.empty(), n -> Optional.ofNullable(env.get(n)),
                Optional.empty(), profiles);
        return ComposeImport.convert(dir.resolve("compose.yaml"), options);
    }

    private static void check(Path dir) throws IOException {
        Conversion c = convert(dir);
        assertFalse(c.hasErrors(), c.diagnostics().toString());
        assertFalse(c.units().isEmpty());

        Path abs = dir.toAbsolutePath();
        Generation.Outcome units = generate(c.units(), abs, null);
        List<Diagnostic> checkErrors = units.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(checkErrors.isEmpty(), () -> checkErrors + "\n" + render(c.units()));
        assertEquals(c.units().size(), units.units().units().size());

        // The same application as one berth YAML spec generates the same units.
        String yaml = BerthYamlWriter.write(c.units(), "test");
        BerthYaml.Parsed back = BerthYamlReader.read(abs.resolve("app.berth.yaml").toString(), yaml.getBytes(StandardCharsets.UTF_8));
        assertFalse(back.hasErrors(), back.diagnostics().toString());
        assertEquals(DryRunOutput.render(units.units()), DryRunOutput.render(generate(back.units(), abs, null).units()));

        String warnings = c.diagnostics().stream().map(d -> d.format().replace(abs.toString() + "/", "")
                .replace(dir + "/", "")).collect(Collectors.joining("\n", "", c.diagnostics().isEmpty() ? "" : "\n"));
        // Paths of the project are absolute: the goldens name the case's directory COMPOSE_DIR.
        golden(dir.resolve("expected.units"), render(c.units()).replace(abs.toString(), "COMPOSE_DIR"));
        golden(dir.resolve("expected.warnings"), warnings);
    }

    static Generation.Outcome generate(List<BerthYaml.Unit> units, Path dir, String specName) {
        List<SourceUnit> sources = new ArrayList<>();
        for (BerthYaml.Unit u : units) {
            String file = dir.resolve(u.fileName()).toString();
            sources.add(new SourceUnit(u.fileName(), file, dir.toString(), u.kind(), new UnitFile(file, u.file().sections())));
        }
        return Generation.translate(new LoadedSources(sources, List.of()),
                new GeneratorOptions(false, GeneratorOptions.DEFAULT_PODMAN), HostView.real());
    }

    static String render(List<BerthYaml.Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (BerthYaml.Unit u : units) {
            sb.append("---").append(u.fileName()).append("---\n").append(UnitFilePrinter.print(u.file())).append('\n');
        }
        return sb.toString();
    }

    private static void golden(Path file, String actual) throws IOException {
        if (UPDATE || !Files.exists(file)) {
            if (!UPDATE) {
                throw new AssertionError("no golden " + file + "; run with -Dberth.golden.update=true and review it");
            }
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, file.toString());
    }
}
