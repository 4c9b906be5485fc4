package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.ParsedUnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A few Quadlet files in one directory, for translating one of them in a test: text in, unit text out. */
final class QuadletFiles {

    static final String DIR = "/etc/containers/systemd";

    /** The unit's text (empty when translation failed) and every diagnostic. */
    record Result(Optional<String> unit, List<Diagnostic> diagnostics) {
        String text() {
            return unit.orElseThrow(() -> new AssertionError("no unit; diagnostics: " + diagnostics));
        }

        /** The value of the last {@code key=} line of {@code [section]} in the unit. */
        String value(String section, String key) {
            String found = null;
            String current = "";
            for (String line : text().split("\n")) {
                if (line.startsWith("[")) {
                    current = line.substring(1, line.length() - 1);
                } else if (current.equals(section) && line.startsWith(key + "=")) {
                    found = line.substring(key.length() + 1);
                }
            }
            if (found == null) {
                throw new AssertionError("no " + key + "= in [" + section + "] of\n" + text());
            }
            return found;
        }

        String execStart() {
            return value("Service", "ExecStart");
        }

        List<String> errors() {
            List<String> out = new ArrayList<>();
            for (Diagnostic d : diagnostics) {
                if (d.isError()) {
                    out.add(d.format());
                }
            }
            return out;
        }
    }

    private final Map<String, String> files = new LinkedHashMap<>();
    private GeneratorOptions options = GeneratorOptions.system();
    private Set<String> existing = Set.of();
    private dev.berth.spec.quadlet.QuadletVersion target;

    /** Generate for {@code version} (default: {@link TestTargets#oldestKnowing}). */
    QuadletFiles target(dev.berth.spec.quadlet.QuadletVersion version) {
        target = version;
        return this;
    }

    static QuadletFiles of(String fileName, String text) {
        return new QuadletFiles().with(fileName, text);
    }

    QuadletFiles with(String fileName, String text) {
        files.put(fileName, text);
        return this;
    }

    QuadletFiles rootless() {
        options = GeneratorOptions.rootless();
        return this;
    }

    QuadletFiles podman(String path) {
        options = options.withPodman(path);
        return this;
    }

    QuadletFiles existingPaths(String... paths) {
        existing = Set.of(paths);
        return this;
    }

    /** The files as parsed, with the parse problems of {@code fileName} added to {@code problems}. */
    List<SourceUnit> units(String fileName, List<Diagnostic> problems) {
        List<SourceUnit> units = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = DIR + "/" + f.getKey();
            ParsedUnitFile parsed = UnitFileParser.parse(path, f.getValue());
            if (f.getKey().equals(fileName)) {
                problems.addAll(parsed.diagnostics());
            }
            UnitKind kind = UnitKind.ofFileName(f.getKey()).orElseThrow();
            units.add(new SourceUnit(f.getKey(), path, DIR, kind, parsed.file()));
        }
        return units;
    }

    UnitIndex index() {
        List<SourceUnit> units = units("", new ArrayList<>());
        return UnitIndex.of(units, target != null ? target
                : TestTargets.oldestKnowing(units.stream().map(SourceUnit::file).toList()));
    }

    Result translate(String fileName) {
        List<Diagnostic> parseProblems = new ArrayList<>();
        List<SourceUnit> units = units(fileName, parseProblems);
        dev.berth.spec.quadlet.QuadletVersion t = target != null ? target
                : TestTargets.oldestKnowing(units.stream().map(SourceUnit::file).toList());
        UnitIndex index = UnitIndex.of(units, t);
        SourceUnit unit = units.stream().filter(u -> u.fileName().equals(fileName)).findFirst().orElseThrow();
        TranslationContext ctx = new TranslationContext(unit, options.withTarget(t), index, existing::contains);
        Optional<dev.berth.spec.syntax.UnitFile> out = Translators.of(unit.kind()).translate(unit, ctx);
        List<Diagnostic> all = new ArrayList<>(parseProblems);
        all.addAll(ctx.diagnostics());
        return new Result(out.map(dev.berth.spec.syntax.UnitFilePrinter::print), all);
    }

    /** Shorthand: one .container file named {@code test.container}. */
    static Result container(String text) {
        return of("test.container", text).translate("test.container");
    }
}
