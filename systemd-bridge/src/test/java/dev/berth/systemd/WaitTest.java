package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.berth.systemd.Wait.Outcome;
import dev.berth.systemd.Wait.Probe;

/** The timing logic with dummies and a fake clock: no bus, no sleeping. */
class WaitTest {

    /** A clock that moves only when a probe "blocks". */
    private static final class FakeClock {
        long now;
        final List<Duration> blocks = new ArrayList<>();

        Probe<String> nothingArrives() {
            return atMost -> {
                blocks.add(atMost);
                now += atMost.toNanos();
                return Optional.empty();
            };
        }

        /** Arrives once the clock has reached {@code at}. */
        Probe<String> arrivesAt(Duration at, String value) {
            return atMost -> {
                blocks.add(atMost);
                if (now + atMost.toNanos() >= at.toNanos()) {
                    now = Math.max(now, at.toNanos());
                    return Optional.of(value);
                }
                now += atMost.toNanos();
                return Optional.empty();
            };
        }
    }

    private final FakeClock clock = new FakeClock();
    private final Wait wait = new Wait(Duration.ofMillis(200), () -> clock.now);

    @Test
    void aValueThatArrivesBeforeTheDeadlineIsReturned() throws InterruptedException {
        Outcome<String> outcome = wait.until(wait.deadlineIn(Duration.ofSeconds(5)),
                clock.arrivesAt(Duration.ofMillis(700), "done"), () -> true);

        assertEquals(new Outcome.Arrived<>("done"), outcome);
        assertEquals(Duration.ofMillis(700).toNanos(), clock.now);
    }

    @Test
    void nothingArrivingExpiresAtTheDeadlineProbingInSlicesOfTheInterval() throws InterruptedException {
        Outcome<String> outcome = wait.until(wait.deadlineIn(Duration.ofMillis(1100)), clock.nothingArrives(),
                () -> true);

        assertInstanceOf(Outcome.Expired.class, outcome);
        assertEquals(Duration.ofMillis(1100).toNanos(), clock.now);
        // 5 full slices, the 100 ms left, then one last look without blocking
        assertEquals(List.of(ms(200), ms(200), ms(200), ms(200), ms(200), ms(100), Duration.ZERO), clock.blocks);
    }

    @Test
    void anUnreachableTargetEndsTheWaitAtTheNextProbeNotAtTheDeadline() throws InterruptedException {
        int[] checks = {0};
        Outcome<String> outcome = wait.until(wait.deadlineIn(Duration.ofMinutes(10)), clock.nothingArrives(),
                () -> ++checks[0] < 3);

        assertInstanceOf(Outcome.Lost.class, outcome);
        assertEquals(Duration.ofMillis(600).toNanos(), clock.now);
    }

    @Test
    void aValueAlreadyThereWinsOverALostConnection() throws InterruptedException {
        CompletableFuture<String> future = new CompletableFuture<>();
        Probe<String> probe = atMost -> {
            clock.now += atMost.toNanos();
            if (atMost.isZero()) {
                future.complete("failed");
            }
            return Probe.of(future).poll(Duration.ZERO);
        };

        Outcome<String> outcome = wait.until(wait.deadlineIn(Duration.ofSeconds(5)), probe, () -> false);

        assertEquals(new Outcome.Arrived<>("failed"), outcome);
    }

    @Test
    void waitsSharingADeadlineShareItsTime() throws InterruptedException {
        Wait.Deadline shared = wait.deadlineIn(Duration.ofSeconds(1));

        wait.until(shared, clock.arrivesAt(Duration.ofMillis(900), "first"), () -> true);
        Outcome<String> second = wait.until(shared, clock.nothingArrives(), () -> true);

        assertInstanceOf(Outcome.Expired.class, second);
        assertEquals(Duration.ofSeconds(1).toNanos(), clock.now);
    }

    @Test
    void aPastDeadlineStillTakesOneLookWithoutBlocking() throws InterruptedException {
        Wait.Deadline past = wait.deadlineIn(Duration.ZERO);

        Outcome<String> outcome = wait.until(past, atMost -> {
            assertTrue(atMost.isZero());
            return Optional.of("done");
        }, () -> true);

        assertEquals(new Outcome.Arrived<>("done"), outcome);
    }

    @Test
    void futureProbeReturnsACompletedValueAndTimesOutOtherwise() throws InterruptedException {
        CompletableFuture<String> future = new CompletableFuture<>();
        Probe<String> probe = Probe.of(future);

        assertEquals(Optional.empty(), probe.poll(Duration.ZERO));
        assertEquals(Optional.empty(), probe.poll(Duration.ofMillis(1)));
        future.complete("done");
        assertEquals(Optional.of("done"), probe.poll(Duration.ZERO));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
