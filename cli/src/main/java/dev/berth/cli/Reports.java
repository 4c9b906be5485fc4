package dev.berth.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.Generation;
import dev.berth.generator.InstallLink;
import dev.berth.generator.InstallLinks;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The shapes {@code berth} prints: diagnostic lines, the summary line, and the JSON document. */
final class Reports {

    private Reports() {
    }

    /** Diagnostics by file, line and column; the order within one position is kept. */
    static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparing(Diagnostic::position));
        return out;
    }

    /** Every Quadlet file looked at: the loaded ones and the ones that failed before loading. */
    static List<String> files(Generation.Outcome outcome) {
        Set<String> files = new LinkedHashSet<>();
        for (SourceUnit s : outcome.sources()) {
            files.add(s.path());
        }
        files.addAll(outcome.failedFiles());
        return List.copyOf(files);
    }

    static String summary(int files, long errors, long warnings) {
        return files + plural(files, " file", " files") + " checked, " + errors + plural(errors, " error", " errors")
                + ", " + warnings + plural(warnings, " warning", " warnings");
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** A diagnostic in JSON: {file, line, column, severity, message, fix}. */
    record DiagnosticJson(String file, int line, int column, String severity, String message, Optional<String> fix) {
        static DiagnosticJson of(Diagnostic d) {
            return new DiagnosticJson(d.position().file(), d.position().line(), d.position().column(),
                    d.severity().label(), d.message(), d.fix());
        }
    }

    /** Diagnostics in the order they print. */
    static List<DiagnosticJson> diagnosticsJson(List<Diagnostic> diagnostics) {
        return sorted(diagnostics).stream().map(DiagnosticJson::of).toList();
    }

    /** {@code berth check} and {@code berth generate}: {"files", "diagnostics", "units", "summary"}. */
    record GenerationJson(List<String> files, List<DiagnosticJson> diagnostics, List<UnitJson> units,
                          SummaryJson summary) {
    }

    /** A generated unit; {@code text} only from {@code generate}. */
    record UnitJson(String name, String source, List<LinkJson> installLinks,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String text) {
    }

    /** An {@code [Install]} link: the link's path below the unit directory and the unit it points to. */
    record LinkJson(String link, String target) {
    }

    record SummaryJson(int files, long errors, long warnings) {
    }

    /** The JSON of a generation, with each unit's text when {@code withText}. */
    static String json(Generation.Outcome outcome, List<Diagnostic> diagnostics, boolean withText) {
        List<String> files = files(outcome);
        List<UnitJson> units = new ArrayList<>();
        for (GeneratedUnit u : outcome.units().units()) {
            List<LinkJson> links = new ArrayList<>();
            for (InstallLink l : InstallLinks.of(u)) {
                links.add(new LinkJson(l.link().toString(), l.target()));
            }
            units.add(new UnitJson(u.fileName(), u.source().path(), links, withText ? u.text() : null));
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return Json.document(new GenerationJson(files, diagnosticsJson(diagnostics), units,
                new SummaryJson(files.size(), errors, diagnostics.size() - errors)));
    }
}
