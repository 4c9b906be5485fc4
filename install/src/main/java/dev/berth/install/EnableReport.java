package dev.berth.install;

import dev.berth.spec.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What {@code berth enable} or {@code berth disable} did: per unit, the drop-in written or removed, whether the
 * generator now makes start links for it, and the job of {@code --now}.
 *
 * @param reloaded whether systemd was reloaded
 * @param units    one row per named unit, in the order given
 * @param errors   failures that stopped the command (a drop-in that cannot be written, systemd unreachable)
 */
public record EnableReport(boolean reloaded, List<Row> units, List<Problem> errors) {

    public EnableReport {
        units = List.copyOf(units);
        errors = List.copyOf(errors);
    }

    /**
     * One unit.
     *
     * @param name    the service
     * @param given   the name on the command line
     * @param action  what happened to berth's drop-in
     * @param dropIn  where berth records the choice
     * @param enabled whether the generator now makes start links for it (empty: not checked yet)
     * @param links   those links
     * @param problem why the unit is not as chosen
     * @param job     the start or stop of {@code --now}
     */
    public record Row(String name, String given, EnableChoice.Action action, String dropIn, Optional<Boolean> enabled,
                      List<String> links, Optional<Problem> problem, Optional<Job> job) {
        public Row {
            links = List.copyOf(links);
        }
    }

    /** A job's outcome: {@code kind} "start" or "stop", {@code result} systemd's ("done", "failed" ...). */
    public record Job(String kind, String result, boolean succeeded, Optional<String> problem, Optional<String> fix) {
    }

    public boolean failed() {
        return !errors.isEmpty() || units.stream().anyMatch(r -> r.problem().isPresent()
                || r.job().map(j -> !j.succeeded()).orElse(false));
    }
}
