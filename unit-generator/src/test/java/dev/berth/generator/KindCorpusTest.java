package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus cases with a volume, network, image, build, pod or kube file in one directory (no drop-ins, no unit
 * files in sub-directories): berth must generate the units Quadlet 5.4.2 generated, with the same text, and fail
 * where it failed, except in the cases that show a documented difference.
 */
class KindCorpusTest {

    private static final Path CORPUS = Path.of("src/test/corpus");
    private static final Set<UnitKind> KINDS = Set.of(UnitKind.VOLUME, UnitKind.NETWORK, UnitKind.IMAGE,
            UnitKind.BUILD, UnitKind.POD, UnitKind.KUBE);

    /** Cases where berth differs on purpose, with the heading in docs/compatibility.md that explains why. */
    static final Map<String, String> DEVIATIONS = Map.ofEntries(
            Map.entry("076-pod-service-overrides", "pod-keeps-environment-and-restart"),
            Map.entry("081-kube-yaml-repeated", "kube-several-yaml"),
            Map.entry("104-volume-user-group-values", "volume-user-group-numeric"),
            Map.entry("141-unit-deps-quadlet-names", "unit-dependencies-translated"),
            Map.entry("142-unit-deps-all-keys", "unit-dependencies-translated"),
            Map.entry("147-quadlet-default-deps-values", "invalid-boolean"),
            Map.entry("159-xref-pod-members-mixed", "pod-skips-template-members"),
            Map.entry("166-xref-failed-volume-quirk", "names-known-before-translation"),
            Map.entry("167-xref-failed-image-quirk", "names-known-before-translation"),
            Map.entry("168-xref-failed-network", "names-known-before-translation"),
            Map.entry("225-syntax-bool-variants", "invalid-boolean"));

    static Stream<String> cases() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isDirectory(dir) && eligible(dir)) {
                    out.add(dir.getFileName().toString());
                }
            }
        }
        return out.stream();
    }

    private static boolean eligible(Path dir) throws IOException {
        Properties p = properties(dir);
        if (p.getProperty("reference") == null || p.getProperty("newer-than-reference") != null
                || p.getProperty("deviation") != null
                || DEVIATIONS.containsKey(dir.getFileName().toString()) || !Files.isDirectory(dir.resolve("units"))) {
            return false;
        }
        boolean any = false;
        try (Stream<Path> files = Files.list(dir.resolve("units"))) {
            for (Path f : files.toList()) {
                if (Files.isDirectory(f)) {
                    if (f.getFileName().toString().endsWith(".d") || containsUnits(f)) {
                        return false;
                    }
                    continue;
                }
                var kind = UnitKind.ofFileName(f.getFileName().toString());
                if (kind.isPresent() && KINDS.contains(kind.get())) {
                    any = true;
                }
            }
        }
        return any;
    }

    /** Whether a sub-directory holds unit files, which this test does not load (it holds Containerfiles). */
    private static boolean containsUnits(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(f -> UnitKind.ofFileName(f.getFileName().toString()).isPresent());
        }
    }

    private static Properties properties(Path dir) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve("case.properties");
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesQuadlet(String name) throws IOException {
        Path dir = CORPUS.resolve(name);
        String runDir = "/var/tmp/berth-corpus/" + name;
        List<SourceUnit> sources = new ArrayList<>();
        boolean parseErrors = false;
        try (Stream<Path> files = Files.list(dir.resolve("units"))) {
            for (Path f : files.sorted().toList()) {
                String fileName = f.getFileName().toString();
                var kind = UnitKind.ofFileName(fileName);
                if (kind.isEmpty()) {
                    continue;
                }
                String path = runDir + "/" + fileName;
                var parsed = UnitFileParser.parse(path, Files.readAllBytes(f));
                if (parsed.hasErrors()) {
                    parseErrors = true;
                    continue;
                }
                sources.add(new SourceUnit(fileName, path, runDir, kind.get(), parsed.file().merged()));
            }
        }
        GeneratorOptions options = "user".equals(properties(dir).getProperty("mode"))
                ? GeneratorOptions.rootless() : GeneratorOptions.system();
        UnitSet set = Generator.generate(sources, options, HostView.nothingExists());
        String expected = Files.readString(dir.resolve("reference.stdout"), StandardCharsets.UTF_8);
        String actual = KindFixtures.print(set);
        boolean quadletFailed = !Files.readString(dir.resolve("reference.exit")).trim().equals("0");
        boolean berthFailed = parseErrors || set.hasErrors();
        assertEquals(quadletFailed, berthFailed, () -> name + ": errors expected: " + quadletFailed + "\n"
                + KindFixtures.format(set.diagnostics()));
        if (!sameUpToMapOrder(expected, actual)) {
            assertEquals(expected, actual, () -> name + "\n" + KindFixtures.format(set.diagnostics()));
        }
    }

    /**
     * Equal, except that a command line may order its words differently: Quadlet emits some groups of flags in
     * Go map order, which changes from run to run. The program, the subcommand and the final operand must match.
     */
    static boolean sameUpToMapOrder(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        if (e.size() != a.size()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).equals(a.get(i))) {
                continue;
            }
            if (!e.get(i).startsWith("Exec")) {
                return false;
            }
            List<String> ew = List.of(e.get(i).split(" "));
            List<String> aw = List.of(a.get(i).split(" "));
            if (ew.size() != aw.size() || ew.size() < 3 || !ew.subList(0, 3).equals(aw.subList(0, 3))
                    || !ew.get(ew.size() - 1).equals(aw.get(aw.size() - 1))
                    || !ew.stream().sorted().toList().equals(aw.stream().sorted().toList())) {
                return false;
            }
        }
        return true;
    }
}
