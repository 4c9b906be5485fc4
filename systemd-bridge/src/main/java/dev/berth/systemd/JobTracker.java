package dev.berth.systemd;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects {@code JobRemoved} signals by job path. The signal can be handled before the reply that tells berth
 * the job's path (the reply and the signal are dispatched on different threads, and systemd may finish a trivial
 * job at once), so whichever side comes first creates the entry.
 *
 * <p>Signals are kept only while some request is waiting; the bus carries every client's job signals and a
 * long-lived connection must not collect them forever.
 */
final class JobTracker {

    private final Map<String, CompletableFuture<String>> results = new HashMap<>();
    private int waitingRequests;

    /** Call before queueing jobs, so that no signal for them is dropped. */
    synchronized void begin() {
        waitingRequests++;
    }

    /** Call when a request is done with its jobs. */
    synchronized void end(Collection<String> jobPaths) {
        jobPaths.forEach(results::remove);
        waitingRequests--;
        if (waitingRequests <= 0) {
            waitingRequests = 0;
            results.clear();
        }
    }

    /** From the signal handler. */
    synchronized void jobRemoved(String jobPath, String result) {
        if (waitingRequests > 0) {
            results.computeIfAbsent(jobPath, p -> new CompletableFuture<>()).complete(result);
        }
    }

    /** The result string of the job at this path, once its JobRemoved signal has been seen. */
    synchronized CompletableFuture<String> result(String jobPath) {
        return results.computeIfAbsent(jobPath, p -> new CompletableFuture<>());
    }
}
