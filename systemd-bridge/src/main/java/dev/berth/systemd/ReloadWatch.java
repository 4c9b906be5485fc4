package dev.berth.systemd;

import java.util.concurrent.CompletableFuture;

/** Follows systemd's {@code Reloading(b)} signal: true when a daemon reload starts, false when it has finished. */
final class ReloadWatch {

    private CompletableFuture<Boolean> finished = CompletableFuture.completedFuture(true);

    synchronized void reloading(boolean active) {
        if (active) {
            if (finished.isDone()) {
                finished = new CompletableFuture<>();
            }
        } else {
            finished.complete(true);
        }
    }

    /** Completes when no reload is in progress (already complete if none was seen starting). */
    synchronized CompletableFuture<Boolean> finished() {
        return finished;
    }
}
