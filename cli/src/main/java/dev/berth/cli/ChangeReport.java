package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.generator.ApplyPlan.FileAction;
import dev.berth.generator.ApplyPlan.FileChange;
import dev.berth.spec.Diagnostic;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code berth apply} and {@code berth remove} print: in text, a unified diff per changed file, one line per
 * unit acted on and a summary ("2 files changed, 1 unit restarted, 1 unit started"); in JSON, one document for
 * scripts and Ansible ({@code changed_when: result.changed}):
 * <pre>{"changed": bool, "dryRun": bool, "files": [{"path", "action"}],
 *  "units": [{"name", "change", "action", "result"}], "diagnostics": [...], "errors": [...], "summary": "..."}</pre>
 *
 * @param changed     whether the install directory was changed (in a dry run: would be)
 * @param dryRun      nothing was done, only planned
 * @param user        rootless (for the journalctl hint)
 * @param files       every file of the request and what happened to it
 * @param units       every unit whose generated text changed and what was done to it
 * @param diagnostics problems in the files (warnings, or the errors that stopped the change)
 * @param errors      failures outside the files: systemd unreachable, a write that failed, a reload that failed
 */
record ChangeReport(boolean changed, boolean dryRun, boolean user, List<FileChange> files,
                    List<UnitActions.Done> units, List<Diagnostic> diagnostics, List<String> errors) {

    ChangeReport {
        files = List.copyOf(files);
        units = List.copyOf(units);
        diagnostics = List.copyOf(diagnostics);
        errors = List.copyOf(errors);
    }

    /** A change refused before anything happened. */
    static ChangeReport refused(boolean dryRun, boolean user, List<Diagnostic> diagnostics, List<String> errors) {
        return new ChangeReport(false, dryRun, user, List.of(), List.of(), diagnostics, errors);
    }

    boolean failed() {
        return !errors.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)
                || units.stream().anyMatch(UnitActions.Done::failed);
    }

    int exitStatus() {
        return failed() ? 1 : 0;
    }

    void print(OutputFormat format, PrintStream out, PrintStream err) {
        if (format == OutputFormat.JSON) {
            out.print(json());
            return;
        }
        for (Diagnostic d : Reports.sorted(diagnostics)) {
            err.println(d.format());
        }
        for (FileChange f : files) {
            if (f.changes()) {
                out.print(UnifiedDiff.of(f.path(), f.before(), f.path(), f.after()));
            }
        }
        for (UnitActions.Done u : units) {
            out.println(unitLine(u));
        }
        for (String e : errors) {
            err.println("berth: " + e);
        }
        for (UnitActions.Done u : units) {
            if (u.failed()) {
                err.println("berth: see why with 'journalctl " + (user ? "--user " : "") + "-u " + u.unit()
                        + " -n 50 --no-pager' (or 'berth logs " + (user ? "--user " : "") + u.unit() + "')");
            }
        }
        out.println(summary());
    }

    private String unitLine(UnitActions.Done u) {
        UnitActions.Planned p = u.planned();
        String change = p.difference().label();
        if (p.action() == UnitActions.Action.NONE) {
            return switch (p.reason()) {
                case "not-enabled" -> p.unit() + ": " + change + ", not enabled (no [Install] WantedBy=); "
                        + "start it with 'berth start " + p.unit() + "'";
                case "state-unknown" -> p.unit() + ": " + change + " (state unknown: systemd not reachable)";
                default -> p.unit() + ": " + change + (p.difference().name().equals("REMOVED") ? "" :
                        ", not running; the new unit takes effect at its next start");
            };
        }
        if (dryRun) {
            return "would " + p.action().verb() + " " + p.unit() + " (" + change + ", " + p.reason() + ")";
        }
        if (u.failed()) {
            return "failed to " + p.action().verb() + " " + p.unit() + ": " + u.message().orElse(u.result());
        }
        return p.action().past() + " " + p.unit() + " (" + change + "): " + u.result();
    }

    /** "2 files changed, 1 unit restarted, 1 unit started", or what would happen in a dry run. */
    String summary() {
        long fileChanges = files.stream().filter(FileChange::changes).count();
        long removed = files.stream().filter(f -> f.action() == FileAction.REMOVED).count();
        if (fileChanges == 0) {
            return failed() ? "nothing changed"
                    : "no changes (" + count(files.size(), "file") + " already up to date)";
        }
        if (!changed && !dryRun) {
            return "nothing changed";
        }
        List<String> parts = new ArrayList<>();
        String filesPart = removed == fileChanges ? (dryRun ? " would be removed" : " removed")
                : (dryRun ? " would change" : " changed");
        parts.add(count(fileChanges, "file") + filesPart);
        for (UnitActions.Action a : List.of(UnitActions.Action.RESTART, UnitActions.Action.START,
                UnitActions.Action.STOP)) {
            long n = units.stream().filter(u -> u.planned().action() == a && !u.failed()).count();
            if (n > 0) {
                parts.add(count(n, "unit") + (dryRun ? " would be " : " ") + a.past());
            }
        }
        long failedUnits = units.stream().filter(UnitActions.Done::failed).count();
        if (failedUnits > 0) {
            parts.add(count(failedUnits, "unit") + " failed");
        }
        return (dryRun ? "dry run: " : "") + String.join(", ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("changed", changed);
        doc.put("dryRun", dryRun);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (FileChange f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("action", f.action().label());
            fs.add(m);
        }
        doc.put("files", fs);
        List<Map<String, Object>> us = new ArrayList<>();
        for (UnitActions.Done u : units) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.unit());
            m.put("change", u.planned().difference().label());
            m.put("action", u.planned().action().verb());
            m.put("result", u.result());
            u.message().ifPresent(msg -> m.put("message", msg));
            us.add(m);
        }
        doc.put("units", us);
        doc.put("diagnostics", Reports.diagnosticsJson(diagnostics));
        doc.put("errors", errors);
        doc.put("summary", summary());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and booleans always serialise", e);
        }
    }
}
