package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ParallelTest {

    private static List<Integer> numbers(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void resultsKeepTheInputOrder() {
        List<Integer> in = numbers(5000);
        List<String> out = Parallel.map(in, i -> "#" + i);
        assertEquals(5000, out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals("#" + i, out.get(i));
        }
    }

    @Test
    void aLargeListUsesMoreThanOneThreadWhenThereAreCores() {
        boolean cores = Math.min(Runtime.getRuntime().availableProcessors(), Parallel.MAX_THREADS) > 1;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(numbers(2000), i -> {
            threads.add(Thread.currentThread().getName());
            // The thread that takes the first item waits (a while at most) until another thread has taken one,
            // so that a fast caller cannot finish the whole list before its helper starts.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (cores && i == 0 && threads.size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return i;
        });
        assertEquals(cores ? 2 : 1, Math.min(threads.size(), 2), threads.toString());
    }

    @Test
    void aSmallListStaysOnTheCallingThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(numbers(Parallel.MIN_ITEMS - 1), i -> threads.add(Thread.currentThread().getName()));
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void theFirstFailureInInputOrderIsThrown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(numbers(3000), i -> {
            if (i == 1700 || i == 2900) {
                throw new IllegalArgumentException("item " + i);
            }
            return i;
        }));
        assertEquals("item 1700", e.getMessage());
    }
}
