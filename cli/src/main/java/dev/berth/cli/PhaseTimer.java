package dev.berth.cli;

/**
 * Wall time of the generator's phases, for tuning its start-up; logged at debug level when enabled
 * ({@code -Dberth.generator.timing=true}), a no-op otherwise.
 */
final class PhaseTimer {
    private final GeneratorLog log;
    private long last;

    private PhaseTimer(GeneratorLog log) {
        this.log = log;
        this.last = System.nanoTime();
    }

    static PhaseTimer of(boolean enabled, GeneratorLog log) {
        return enabled ? new PhaseTimer(log) : new PhaseTimer(null);
    }

    void lap(String phase) {
        if (log == null) {
            return;
        }
        long now = System.nanoTime();
        log.info(String.format("timing: %-12s %8.2f ms", phase, (now - last) / 1e6));
        last = System.nanoTime();
    }
}
