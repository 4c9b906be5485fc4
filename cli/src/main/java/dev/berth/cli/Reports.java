package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.Generation;
import dev.berth.generator.InstallLink;
import dev.berth.generator.InstallLinks;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** Diagnostics in the order they print, each as {file, line, column, severity, message, fix}. */
    static List<Map<String, Object>> diagnosticsJson(List<Diagnostic> diagnostics) {
        List<Map<String, Object>> ds = new ArrayList<>();
        for (Diagnostic d : sorted(diagnostics)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.position().file());
            m.put("line", d.position().line());
            m.put("column", d.position().column());
            m.put("severity", d.severity().label());
            m.put("message", d.message());
            m.put("fix", d.fix().orElse(null));
            ds.add(m);
        }
        return ds;
    }

    /** {"files": [...], "diagnostics": [...], "units": [...], "summary": {...}}. */
    static String json(Generation.Outcome outcome, List<Diagnostic> diagnostics, boolean withText) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<String> files = files(outcome);
        doc.put("files", files);
        doc.put("diagnostics", diagnosticsJson(diagnostics));
        List<Map<String, Object>> units = new ArrayList<>();
        for (GeneratedUnit u : outcome.units().units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.fileName());
            m.put("source", u.source().path());
            List<Map<String, String>> links = new ArrayList<>();
            for (InstallLink l : InstallLinks.of(u)) {
                links.add(Map.of("link", l.link().toString(), "target", l.target()));
            }
            m.put("installLinks", links);
            if (withText) {
                m.put("text", u.text());
            }
            units.add(m);
        }
        doc.put("units", units);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", files.size());
        summary.put("errors", errors);
        summary.put("warnings", diagnostics.size() - errors);
        doc.put("summary", summary);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
