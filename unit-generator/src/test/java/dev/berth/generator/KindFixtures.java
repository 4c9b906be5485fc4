package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.ParsedUnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the generator on Quadlet files given as strings in one directory, {@value #DIR}, and prints the result
 * the way Quadlet's dry run does ({@code ---name.service---}, the unit, a blank line), so tests compare text.
 */
final class KindFixtures {

    static final String DIR = "/etc/containers/systemd";

    private final Map<String, String> files = new LinkedHashMap<>();
    private GeneratorOptions options = GeneratorOptions.system();
    private dev.berth.spec.quadlet.QuadletVersion target;

    /** Generate for {@code version} (default: {@link TestTargets#oldestKnowing}). */
    KindFixtures target(dev.berth.spec.quadlet.QuadletVersion version) {
        target = version;
        return this;
    }

    static KindFixtures with(String fileName, String text) {
        return new KindFixtures().and(fileName, text);
    }

    KindFixtures and(String fileName, String text) {
        files.put(fileName, text);
        return this;
    }

    KindFixtures rootless() {
        options = GeneratorOptions.rootless();
        return this;
    }

    UnitSet generate() {
        List<SourceUnit> sources = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = DIR + "/" + f.getKey();
            ParsedUnitFile parsed = UnitFileParser.parse(path, f.getValue());
            assertTrue(parsed.diagnostics().isEmpty(), () -> "fixture does not parse: " + parsed.diagnostics());
            UnitKind kind = UnitKind.ofFileName(f.getKey()).orElseThrow();
            sources.add(new SourceUnit(f.getKey(), path, DIR, kind, parsed.file().merged()));
        }
        dev.berth.spec.quadlet.QuadletVersion t = target != null ? target
                : TestTargets.oldestKnowing(sources.stream().map(SourceUnit::file).toList());
        return Generator.generate(sources, options.withTarget(t), HostView.nothingExists());
    }

    /** The dry-run text of every generated unit; fails when anything was reported as an error. */
    String dryRun() {
        UnitSet set = generate();
        assertTrue(!set.hasErrors(), () -> "unexpected errors: " + format(set.diagnostics()));
        return print(set);
    }

    /** The unit generated from {@code fileName}'s service, as text. */
    String unit(String serviceFileName) {
        UnitSet set = generate();
        assertTrue(!set.hasErrors(), () -> "unexpected errors: " + format(set.diagnostics()));
        return set.units().stream().filter(u -> u.fileName().equals(serviceFileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + serviceFileName + " in " + print(set))).text();
    }

    /**
     * The unit generated for {@code serviceFileName}, when the file it comes from had no error (other files may
     * have some: this branch's tests do not depend on the container translation).
     */
    String unitAllowingOtherErrors(String serviceFileName, String sourceFileName) {
        UnitSet set = generate();
        List<Diagnostic> own = set.diagnostics().stream().filter(Diagnostic::isError)
                .filter(d -> d.position().file().equals(DIR + "/" + sourceFileName)).toList();
        assertTrue(own.isEmpty(), () -> "unexpected errors: " + format(own));
        return set.units().stream().filter(u -> u.fileName().equals(serviceFileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + serviceFileName + " in " + print(set))).text();
    }

    /** The ExecStart= value of the only unit. */
    String execStart() {
        return line("ExecStart");
    }

    /** The value of the only {@code key=} line of the first generated unit. */
    String line(String key) {
        String text = dryRun();
        List<String> values = text.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .toList();
        assertEquals(1, values.size(), () -> "expected one " + key + "= in\n" + text);
        return values.get(0);
    }

    /** Every diagnostic, formatted, sorted by position. */
    List<String> diagnostics() {
        return generate().diagnostics().stream().sorted((a, b) -> a.position().compareTo(b.position()))
                .map(Diagnostic::format).toList();
    }

    /** The errors only, formatted. */
    List<String> errors() {
        return generate().diagnostics().stream().filter(Diagnostic::isError)
                .sorted((a, b) -> a.position().compareTo(b.position())).map(Diagnostic::format).toList();
    }

    static String print(UnitSet set) {
        StringBuilder out = new StringBuilder();
        for (GeneratedUnit u : set.units()) {
            out.append("---").append(u.fileName()).append("---\n").append(u.text()).append('\n');
        }
        return out.toString();
    }

    static String format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /**
     * Exactly one error, {@code expected} (written without the leading {@value #DIR}{@code /}, and matched as
     * {@link #assertErrors} does), for {@code fileName} holding {@code [section]} and then {@code lines}, in which a backslash followed by
     * {@code n} (the way a CSV table of cases writes one) stands for a new line.
     */
    static void assertErrorsOfLines(String fileName, String section, String lines, String expected) {
        assertErrors(DIR + "/" + expected,
                with(fileName, "[" + section + "]\n" + lines.replace("\\n", "\n") + "\n").errors());
    }

    /**
     * Exactly one error, {@code expected}; an expected text ending in {@code …} only has to start the error (for
     * messages whose fix belongs to a helper shared with other kinds).
     */
    static void assertErrors(String expected, List<String> errors) {
        if (expected.endsWith("…")) {
            String prefix = expected.substring(0, expected.length() - 1);
            assertTrue(errors.size() == 1 && errors.get(0).startsWith(prefix),
                    () -> "expected one error starting\n" + prefix + "\nbut got\n" + String.join("\n", errors));
        } else {
            assertEquals(List.of(expected), errors);
        }
    }
}
