package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class JobTrackerTest {

    private final JobTracker tracker = new JobTracker();

    @Test
    void aSignalSeenBeforeTheReplyIsKeptForTheRequest() {
        tracker.begin();
        tracker.jobRemoved("/org/freedesktop/systemd1/job/7", "done");

        assertEquals("done", tracker.result("/org/freedesktop/systemd1/job/7").getNow(null));
    }

    @Test
    void aSignalAfterTheRequestAskedCompletesItsFuture() {
        tracker.begin();
        var future = tracker.result("/org/freedesktop/systemd1/job/8");
        assertFalse(future.isDone());

        tracker.jobRemoved("/org/freedesktop/systemd1/job/8", "failed");

        assertEquals("failed", future.getNow(null));
    }

    @Test
    void signalsWhileNoRequestWaitsAreNotCollected() {
        tracker.jobRemoved("/org/freedesktop/systemd1/job/9", "done");
        tracker.begin();

        assertFalse(tracker.result("/org/freedesktop/systemd1/job/9").isDone());
    }

    @Test
    void whenTheLastRequestEndsOtherClientsJobsAreForgotten() {
        tracker.begin();
        tracker.jobRemoved("/org/freedesktop/systemd1/job/10", "done");
        tracker.end(List.of());
        tracker.begin();

        assertFalse(tracker.result("/org/freedesktop/systemd1/job/10").isDone());
    }

    @Test
    void anotherRequestStillWaitingKeepsItsSignals() {
        tracker.begin();
        tracker.begin();
        tracker.jobRemoved("/org/freedesktop/systemd1/job/11", "done");
        tracker.end(List.of("/org/freedesktop/systemd1/job/12"));

        assertEquals("done", tracker.result("/org/freedesktop/systemd1/job/11").getNow(null));
    }
}
