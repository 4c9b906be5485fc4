package dev.berth.install;

import dev.berth.install.ApplyPlan.FileAction;
import dev.berth.install.ApplyPlan.FileChange;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code berth apply} and {@code berth remove} did (or, in a dry run, would do). A value: the command line
 * renders it as text (a unified diff per changed file, one line per unit, a summary) or as JSON for Ansible
 * ({@code changed_when: result.changed}).
 *
 * @param changed     whether the install directory was changed (in a dry run: would be)
 * @param dryRun      nothing was done, only planned
 * @param user        rootless (for the journalctl hint)
 * @param files       every file of the request and what happened to it
 * @param units       every unit acted on (or left alone) and how it went
 * @param diagnostics problems in the files (warnings, or the errors that stopped the change)
 * @param errors      failures outside the files: systemd unreachable, a write that failed, a reload that failed
 * @param reloaded    whether systemd was reloaded
 */
public record ChangeReport(boolean changed, boolean dryRun, boolean user, List<FileChange> files,
                           List<UnitActions.Done> units, List<Diagnostic> diagnostics, List<Problem> errors,
                           boolean reloaded) {

    /** A report of a run that did not reload. */
    public ChangeReport(boolean changed, boolean dryRun, boolean user, List<FileChange> files,
                        List<UnitActions.Done> units, List<Diagnostic> diagnostics, List<Problem> errors) {
        this(changed, dryRun, user, files, units, diagnostics, errors, false);
    }

    public ChangeReport {
        files = List.copyOf(files);
        units = List.copyOf(units);
        diagnostics = List.copyOf(diagnostics);
        errors = List.copyOf(errors);
    }

    /** A change refused before anything happened. */
    public static ChangeReport refused(boolean dryRun, boolean user, List<Diagnostic> diagnostics,
                                       List<Problem> errors) {
        return new ChangeReport(false, dryRun, user, List.of(), List.of(), diagnostics, errors);
    }

    public boolean failed() {
        return !errors.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)
                || units.stream().anyMatch(UnitActions.Done::failed);
    }

    public int exitStatus() {
        return failed() ? 1 : 0;
    }

    /** "2 files changed, 1 unit restarted, 1 unit started", or what would happen in a dry run. */
    public String summary() {
        long fileChanges = files.stream().filter(FileChange::changes).count();
        long removed = files.stream().filter(f -> f.action() == FileAction.REMOVED).count();
        boolean acted = reloaded || units.stream().anyMatch(u -> u.planned().action() != UnitActions.Action.NONE);
        if (fileChanges == 0 && !acted) {
            return failed() ? "nothing changed"
                    : "no changes (" + count(files.size(), "file") + " already up to date)";
        }
        if (fileChanges > 0 && !changed && !dryRun) {
            return "nothing changed";
        }
        List<String> parts = new ArrayList<>();
        if (fileChanges > 0) {
            String filesPart = removed == fileChanges ? (dryRun ? " would be removed" : " removed")
                    : (dryRun ? " would change" : " changed");
            parts.add(count(fileChanges, "file") + filesPart);
        } else {
            parts.add("no file changed");
        }
        if (reloaded && fileChanges == 0) {
            parts.add("systemd reloaded");
        }
        for (UnitActions.Action a : List.of(UnitActions.Action.RESTART, UnitActions.Action.START,
                UnitActions.Action.STOP)) {
            long n = units.stream().filter(u -> u.planned().action() == a && (dryRun || u.ran())).count();
            if (n > 0) {
                parts.add(count(n, "unit") + (dryRun ? " would be " : " ") + a.past());
            }
        }
        long failedUnits = units.stream().filter(u -> u.failed() && !u.notRun()).count();
        if (failedUnits > 0) {
            parts.add(count(failedUnits, "unit") + " failed");
        }
        long notRun = units.stream().filter(UnitActions.Done::notRun).count();
        if (notRun > 0) {
            parts.add(count(notRun, "unit") + " not acted on");
        }
        return (dryRun ? "dry run: " : "") + String.join(", ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
