package dev.berth.systemd;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The timing logic of every wait in the bridge: wait for something to arrive, until a deadline, and notice
 * promptly when the other side is gone. It sees the world only through two narrow interfaces, {@link Probe}
 * (has it arrived?) and {@link WaitTarget} (is systemd still reachable?), so that it is tested with dummies and
 * a fake clock, without a bus (as testcontainers' WaitStrategy sees a WaitStrategyTarget, not a container).
 */
public final class Wait {

    /** Asks whether the awaited thing has arrived, blocking at most {@code atMost} (zero: do not block). */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> poll(Duration atMost) throws InterruptedException;

        /** A probe on a future that the signal handler or reply thread completes. */
        static <T> Probe<T> of(CompletableFuture<T> future) {
            return atMost -> {
                try {
                    return Optional.ofNullable(atMost.isZero()
                            ? future.getNow(null)
                            : future.get(atMost.toNanos(), TimeUnit.NANOSECONDS));
                } catch (TimeoutException notYet) {
                    return Optional.empty();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("awaited future failed", e.getCause());
                }
            };
        }
    }

    /** What a wait needs to know about the other side: whether it can still answer at all. */
    @FunctionalInterface
    public interface WaitTarget {
        /** False once the connection is closed or systemd has left the bus. */
        boolean reachable();
    }

    /** How a wait ended. */
    public sealed interface Outcome<T> {
        record Arrived<T>(T value) implements Outcome<T> {
        }

        /** The deadline passed first. */
        record Expired<T>() implements Outcome<T> {
        }

        /** The target became unreachable first. */
        record Lost<T>() implements Outcome<T> {
        }
    }

    /** A point in time on this wait's clock. Several waits may share one deadline (jobs queued together). */
    public record Deadline(long nanos) {
    }

    private final Duration probeInterval;
    private final LongSupplier nanoClock;

    /**
     * @param probeInterval how often reachability is checked while nothing arrives
     * @param nanoClock     a monotonic clock ({@code System::nanoTime}; tests pass a fake)
     */
    public Wait(Duration probeInterval, LongSupplier nanoClock) {
        if (probeInterval.isZero() || probeInterval.isNegative()) {
            throw new IllegalArgumentException("probe interval must be positive");
        }
        this.probeInterval = probeInterval;
        this.nanoClock = nanoClock;
    }

    public static Wait onSystemClock(Duration probeInterval) {
        return new Wait(probeInterval, System::nanoTime);
    }

    public Deadline deadlineIn(Duration timeout) {
        return new Deadline(nanoClock.getAsLong() + timeout.toNanos());
    }

    /**
     * Waits until the probe yields a value, the deadline passes, or the target becomes unreachable. A value that
     * is already there wins over both (a job that ended just before the connection dropped still counts).
     */
    public <T> Outcome<T> until(Deadline deadline, Probe<T> probe, WaitTarget target) throws InterruptedException {
        while (true) {
            long remaining = deadline.nanos() - nanoClock.getAsLong();
            if (remaining <= 0) {
                return probe.poll(Duration.ZERO).<Outcome<T>>map(Outcome.Arrived::new)
                        .orElseGet(Outcome.Expired::new);
            }
            Optional<T> value = probe.poll(Duration.ofNanos(Math.min(remaining, probeInterval.toNanos())));
            if (value.isPresent()) {
                return new Outcome.Arrived<>(value.get());
            }
            if (!target.reachable()) {
                return probe.poll(Duration.ZERO).<Outcome<T>>map(Outcome.Arrived::new)
                        .orElseGet(Outcome.Lost::new);
            }
        }
    }
}
