package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Tables of one-key cases: a key, the lines of the main section that set it, and one line the generated output
 * must contain exactly (usually {@code ExecStart=...}). Each kind's test checks that its table covers every key
 * the catalogue declares for the section.
 */
record KeyCases(String section, String fileName, String prefix, List<Row> rows) {

    record Row(String key, String lines, String expectedLine) {
    }

    static KeyCases of(String section, String fileName, String prefix, Row... rows) {
        return new KeyCases(section, fileName, prefix, List.of(rows));
    }

    static Row row(String key, String lines, String expectedLine) {
        return new Row(key, lines, expectedLine);
    }

    Stream<Arguments> arguments() {
        return rows.stream().map(r -> Arguments.of(r.key(), r.lines(), r.expectedLine()));
    }

    /** Generates the unit for one row and checks that the expected line is in the output. */
    void check(String lines, String expectedLine, String... otherFiles) {
        KindFixtures f = KindFixtures.with(fileName, "[" + section + "]\n" + prefix + lines + "\n");
        for (int i = 0; i + 1 < otherFiles.length; i += 2) {
            f.and(otherFiles[i], otherFiles[i + 1]);
        }
        String out = f.dryRun();
        assertTrue(out.lines().anyMatch(expectedLine::equals), () -> "no line\n" + expectedLine + "\nin\n" + out);
    }

    /** Every key of the section has at least one row. */
    void assertCoversCatalogue() {
        Set<String> declared = KeyCatalog.section(section).stream().map(KeySpec::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(declared.isEmpty(), "no keys declared for [" + section + "]");
        Set<String> tested = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, tested, "keys of [" + section + "] with a test row");
    }
}
