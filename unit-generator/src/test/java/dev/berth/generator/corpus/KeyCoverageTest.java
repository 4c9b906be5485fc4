package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The corpus exercises every key berth knows, and the key catalogue has every key of the spec.
 */
class KeyCoverageTest {

    /**
     * The keys per section of Quadlet's development branch, from /work/shared/reference/quadlet-spec.md
     * (sections 5-13); berth supports them all, including those newer than 5.4.2.
     */
    static final Map<String, Integer> SPEC_COUNTS = specCounts();

    private static Map<String, Integer> specCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Container", 94);
        m.put("Pod", 29);
        m.put("Build", 28);
        m.put("Kube", 19);
        m.put("Network", 18);
        m.put("Image", 18);
        m.put("Volume", 16);
        m.put("Artifact", 13);
        m.put("Quadlet", 1);
        return m;
    }

    @Test
    void everyCatalogueKeyAppearsInTheCorpus() {
        Set<String> used = keysUsed(CorpusCase.all(CorpusLocation.corpus()));
        Set<String> missing = new TreeSet<>();
        for (KeySpec k : KeyCatalog.all()) {
            if (!used.contains(k.section() + "." + k.name())) {
                missing.add("[" + k.section() + "] " + k.name());
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " catalogue key(s) appear in no corpus case: " + missing);
    }

    @Test
    void catalogueHasTheSpecsKeyCountPerSection() {
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String section : SPEC_COUNTS.keySet()) {
            actual.put(section, KeyCatalog.section(section).size());
        }
        assertEquals(SPEC_COUNTS, actual, "keys per section in KeyCatalog (expected: quadlet-spec.md's counts)");
        assertEquals(SPEC_COUNTS.values().stream().mapToInt(Integer::intValue).sum(), KeyCatalog.all().size(),
                "KeyCatalog has sections the spec does not list");
    }

    /**
     * {@code Section.Key} for every key set in a Quadlet section that applies: the main section of the file's kind
     * and {@code [Quadlet]}, in unit files and in drop-ins (whose kind is their directory's).
     */
    static Set<String> keysUsed(List<CorpusCase> cases) {
        Set<String> used = new TreeSet<>();
        for (CorpusCase c : cases) {
            for (Path f : c.unitFiles()) {
                Optional<UnitKind> kind = kindOf(f);
                if (kind.isEmpty()) {
                    continue;
                }
                UnitFile file;
                try {
                    file = UnitFileParser.parse(f.toString(), Files.readAllBytes(f)).file();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (Section s : file.sections()) {
                    if (!s.name().equals(kind.get().section()) && !s.name().equals("Quadlet")) {
                        continue;
                    }
                    for (Entry e : s.entries()) {
                        used.add(s.name() + "." + e.key());
                    }
                }
            }
        }
        return used;
    }

    /** A unit file's kind by extension; a drop-in's ({@code *.conf} in {@code x.container.d/} or {@code container.d/}) by its directory. */
    static Optional<UnitKind> kindOf(Path f) {
        String name = f.getFileName().toString();
        if (name.endsWith(".conf")) {
            Path parent = f.getParent();
            String dir = parent == null ? "" : parent.getFileName().toString();
            if (!dir.endsWith(".d")) {
                return Optional.empty();
            }
            String unit = dir.substring(0, dir.length() - 2);
            return UnitKind.ofFileName(unit).or(() -> UnitKind.ofExtension(unit));
        }
        return UnitKind.ofFileName(name);
    }
}
