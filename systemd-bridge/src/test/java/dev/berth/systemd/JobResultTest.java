package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JobResultTest {

    @Test
    void signalStringsMapToResults() {
        assertEquals(JobResult.DONE, JobResult.fromSignal("done"));
        assertEquals(JobResult.FAILED, JobResult.fromSignal("failed"));
        assertEquals(JobResult.TIMEOUT, JobResult.fromSignal("timeout"));
        assertEquals(JobResult.CANCELED, JobResult.fromSignal("canceled"));
        assertEquals(JobResult.DEPENDENCY, JobResult.fromSignal("dependency"));
        assertEquals(JobResult.SKIPPED, JobResult.fromSignal("skipped"));
        assertEquals(JobResult.ONCE, JobResult.fromSignal("once"));
    }

    @Test
    void unknownAndEmptyStringsAreUnknownNeverTheWaitersOwnResults() {
        assertEquals(JobResult.UNKNOWN, JobResult.fromSignal("something-new"));
        assertEquals(JobResult.UNKNOWN, JobResult.fromSignal(""));
        assertEquals(JobResult.UNKNOWN, JobResult.fromSignal(null));
    }

    @Test
    void likeSystemctlOnlyDoneAndSkippedSucceed() {
        // QUEUED (--no-block) succeeds as systemctl --no-block does: the job was accepted.
        for (JobResult result : JobResult.values()) {
            assertEquals(result == JobResult.DONE || result == JobResult.SKIPPED || result == JobResult.QUEUED,
                    result.succeeded(), result.name());
        }
        assertTrue(JobResult.CONNECTION_LOST.undecided());
        assertFalse(JobResult.FAILED.undecided());
    }

    @Test
    void outcomesReadAsOneLine() {
        assertEquals("start web.service: a unit it depends on failed",
                JobOutcome.ended("web.service", JobKind.START, JobResult.DEPENDENCY).message());
        SystemdException missing = SystemdException.noSuchUnit("db.service", Optional.empty());
        JobOutcome refused = JobOutcome.refused("db.service", JobKind.STOP, missing);
        assertEquals("stop db.service: unit db.service does not exist; run 'berth daemon-reload' if you just added"
                + " it", refused.message());
        assertFalse(refused.succeeded());
    }
}
