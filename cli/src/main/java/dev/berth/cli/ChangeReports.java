package dev.berth.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.install.ApplyPlan.FileChange;
import dev.berth.install.ChangeReport;
import dev.berth.install.UnitActions;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * How {@code berth apply} and {@code berth remove} print a {@link ChangeReport}: in text, a unified diff per
 * changed file, one line per unit acted on and a summary ("2 files changed, 1 unit restarted, 1 unit started");
 * in JSON, one document for scripts and Ansible ({@code changed_when: result.changed}):
 * <pre>{"changed": bool, "dryRun": bool, "reloaded": bool, "files": [{"path", "action"}],
 *  "units": [{"name", "change", "action", "result", "message"?}], "diagnostics": [...],
 *  "errors": [{"kind", "name", "problem", "fix"}], "summary": "..."}</pre>
 */
final class ChangeReports {

    private ChangeReports() {
    }

    record Document(boolean changed, boolean dryRun, boolean reloaded, List<FileJson> files, List<UnitJson> units,
                    List<Reports.DiagnosticJson> diagnostics, List<Problem> errors, String summary) {
    }

    record FileJson(String path, String action) {
    }

    record UnitJson(String name, String change, String action, String result,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) Optional<String> message) {
    }

    static Document document(ChangeReport r) {
        return new Document(r.changed(), r.dryRun(), r.reloaded(),
                r.files().stream().map(f -> new FileJson(f.path(), f.action().label())).toList(),
                r.units().stream().map(u -> new UnitJson(u.unit(), u.planned().difference().label(),
                        u.planned().action().verb(), u.result(), u.message())).toList(),
                Reports.diagnosticsJson(r.diagnostics()), r.errors(), r.summary());
    }

    static void print(ChangeReport r, OutputFormat format, PrintStream out, PrintStream err) {
        if (format == OutputFormat.JSON) {
            out.print(Json.document(document(r)));
            return;
        }
        for (Diagnostic d : Reports.sorted(r.diagnostics())) {
            err.println(d.format());
        }
        for (FileChange f : r.files()) {
            if (f.changes() && f.hidden()) {
                out.println(hiddenLine(f));
            } else if (f.changes()) {
                out.print(UnifiedDiff.of(f.path(), f.before(), f.path(), f.after()));
            }
        }
        for (UnitActions.Done u : r.units()) {
            out.println(unitLine(r, u));
        }
        for (Problem p : r.errors()) {
            err.println("berth: " + p.problem());
            p.fix().ifPresent(f -> err.println("  fix: " + f));
        }
        for (UnitActions.Done u : r.units()) {
            if (u.failed() && !u.notRun()) {
                err.println("berth: see why with 'journalctl " + (r.user() ? "--user " : "") + "-u " + u.unit()
                        + " -n 50 --no-pager' (or 'berth logs " + (r.user() ? "--user " : "") + u.unit() + "')");
            }
        }
        out.println(r.summary());
    }

    /**
     * A file whose contents must not reach a terminal or an Ansible log: a file that is not world-readable (before
     * or after), or a symbolic link a removal unlinks.
     */
    static String hiddenLine(FileChange f) {
        if (f.action() == dev.berth.install.ApplyPlan.FileAction.REMOVED && f.before().map(b -> b.length == 0)
                .orElse(false)) {
            return f.path() + ": symbolic link removed (what it points to is not touched)";
        }
        return f.path() + ": content changed (not shown: mode 0600)";
    }

    private static String unitLine(ChangeReport r, UnitActions.Done u) {
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
        if (r.dryRun()) {
            return "would " + p.action().verb() + " " + p.unit() + " (" + change + ", " + p.reason() + ")";
        }
        if (u.notRun()) {
            return "did not " + p.action().verb() + " " + p.unit() + " (" + change + ", " + p.reason() + "): "
                    + u.message().orElse("an earlier step failed");
        }
        if (u.failed()) {
            return "failed to " + p.action().verb() + " " + p.unit() + ": " + u.message().orElse(u.result());
        }
        return p.action().past() + " " + p.unit() + " (" + change + "): " + u.result();
    }
}
