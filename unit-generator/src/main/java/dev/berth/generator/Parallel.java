package dev.berth.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on the machine's cores, keeping the input order. Reading, translating and printing one Quadlet
 * file does not depend on any other file, and the generator runs at boot with the other cores mostly idle; a
 * large set then takes a fraction of the wall time. The results are put together in input order, so the output
 * never depends on scheduling, and an exception is thrown as the sequential loop would have thrown it: the
 * first failing item's, in input order.
 *
 * <p>Plain threads rather than a pool or parallel streams: they start in microseconds and load no classes the
 * generator does not already need.
 */
final class Parallel {

    /** Below this many items the threads would cost more than they save. */
    static final int MIN_ITEMS = 64;
    /** More threads than this only contend for the file system and the JIT compiler on the machines we know. */
    static final int MAX_THREADS = 4;

    private Parallel() {
    }

    /** What one item's function threw, kept in its slot until every thread is done. */
    private record Failure(Throwable thrown) {
    }

    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        if (threads < 2 || items.size() < MIN_ITEMS) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(f.apply(item));
            }
            return out;
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                try {
                    results[i] = f.apply(items.get(i));
                } catch (Throwable t) {
                    results[i] = new Failure(t);
                }
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = new Thread(work, "berth-worker-" + (k + 1));
            helpers[k].setDaemon(true);
            helpers[k].start();
        }
        work.run();
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the results are needed; finish waiting, then pass the interrupt on
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Object r : results) {
            if (r instanceof Failure failure) {
                rethrow(failure.thrown());
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t); // f is a Function: it cannot throw checked exceptions
    }
}
