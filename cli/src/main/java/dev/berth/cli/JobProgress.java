package dev.berth.cli;

import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line, rewritten in place on a terminal, that says which units are still starting and how long it has taken:
 * {@code starting web.service: activating (start), 12s}. A first start can pull an image for minutes, and a silent
 * terminal looks hung. It reads the units' state on its own thread while the job command waits, and erases its line
 * when closed, before the results are printed.
 */
final class JobProgress implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(500);

    private final Systemd systemd;
    private final List<String> units;
    private final PrintStream out;
    private final Clock clock;
    private final Instant began;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean drawn;

    private JobProgress(Systemd systemd, List<String> units, PrintStream out, Clock clock) {
        this.systemd = systemd;
        this.units = List.copyOf(units);
        this.out = out;
        this.clock = clock;
        this.began = clock.instant();
        this.thread = Thread.ofPlatform().daemon().name("berth-progress").unstarted(this::loop);
    }

    static JobProgress start(Systemd systemd, List<String> units, PrintStream out, Clock clock) {
        JobProgress p = new JobProgress(systemd, units, out, clock);
        p.thread.start();
        return p;
    }

    private void loop() {
        try {
            while (running) {
                Thread.sleep(INTERVAL);
                if (running) {
                    draw(line());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "starting web.service: activating (start), db.service: activating (start-pre), 12s". */
    String line() {
        List<String> busy = new ArrayList<>();
        for (String unit : units) {
            try {
                UnitState s = systemd.state(unit);
                if (s.activeState().endsWith("ing")) { // activating, deactivating, reloading, refreshing
                    busy.add(unit + ": " + UnitStates.active(s));
                }
            } catch (SystemdException e) {
                // a unit not loaded yet, or a passing bus hiccup: the job's own result will tell
            }
        }
        if (busy.isEmpty()) {
            return "";
        }
        return "starting " + String.join(", ", busy) + ", "
                + UnitStates.human(Duration.between(began, clock.instant()));
    }

    private synchronized void draw(String line) {
        if (!running) {
            return;
        }
        out.print("\r\033[K" + line);
        out.flush();
        drawn = !line.isEmpty();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                out.print("\r\033[K");
                out.flush();
            }
        }
    }
}
