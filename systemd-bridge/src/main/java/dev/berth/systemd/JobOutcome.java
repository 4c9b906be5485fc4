package dev.berth.systemd;

import java.util.Optional;

/**
 * What became of one requested job: its result, or the reason systemd refused to queue it at all (no such unit,
 * permission denied, masked ...). A refused job has result {@link JobResult#FAILED} and a {@code refusal}.
 *
 * @param unit    the unit name as given
 * @param kind    start, stop, restart or reload
 * @param result  how the job ended (or FAILED when refused)
 * @param refusal why systemd did not queue the job, if it did not
 */
public record JobOutcome(String unit, JobKind kind, JobResult result, Optional<SystemdException> refusal) {

    public static JobOutcome ended(String unit, JobKind kind, JobResult result) {
        return new JobOutcome(unit, kind, result, Optional.empty());
    }

    public static JobOutcome refused(String unit, JobKind kind, SystemdException why) {
        return new JobOutcome(unit, kind, JobResult.FAILED, Optional.of(why));
    }

    public boolean succeeded() {
        return refusal.isEmpty() && result.succeeded();
    }

    /** One line for the user: "start web.service: done", "start db.service: a unit it depends on failed". */
    public String message() {
        return kind.verb() + " " + unit + ": " + refusal.map(SystemdException::getMessage).orElse(result.description());
    }
}
