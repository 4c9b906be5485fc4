package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The cgroup v2 freezer of one cgroup ({@code cgroup.freeze}, which every non-root cgroup v2 has, controllers or
 * not). A checkpoint that stops the container freezes its payload first and dumps it with {@code --leave-running}:
 * CRIU leaves a cgroup it found frozen frozen, so nothing runs between the dump and the kill that follows, and when
 * the dump or the write of the archive fails (CRIU refuses, the disk is full), thawing lets the container go on as
 * if nothing had happened. A plain dump kills the container before podman writes the archive, and a full disk
 * then loses it.
 *
 * @param directory the cgroup's directory, e.g. {@code /sys/fs/cgroup/system.slice/web.service/libpod-payload-ID}
 */
public record CgroupFreezer(Path directory) {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** The freezer of the cgroup v2 that {@code pid} is in (its {@code 0::} line), under {@code /sys/fs/cgroup}. */
    public static CgroupFreezer of(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            if (line.startsWith("0::/") && !line.equals("0::/")) {
                return new CgroupFreezer(Path.of("/sys/fs/cgroup" + line.substring(3)));
            }
        }
        throw new IOException("process " + pid + " is in no cgroup v2 of its own (its /proc/" + pid + "/cgroup)");
    }

    /** Freezes the cgroup and waits until the kernel reports every task in it frozen. */
    public void freeze() throws IOException {
        set(true);
    }

    /** Thaws it (a cgroup that is gone has nothing left to thaw). */
    public void thaw() throws IOException {
        if (Files.isDirectory(directory)) {
            set(false);
        }
    }

    private void set(boolean frozen) throws IOException {
        Files.writeString(directory.resolve("cgroup.freeze"), frozen ? "1" : "0");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (frozen() != frozen) {
            if (System.nanoTime() > deadline) {
                throw new IOException(directory + " did not become " + (frozen ? "frozen" : "thawed") + " within "
                        + SETTLE.toSeconds() + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + directory + "/cgroup.events", e);
            }
        }
    }

    /** {@code frozen 1} in {@code cgroup.events}. */
    public boolean frozen() throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        return Files.readAllLines(directory.resolve("cgroup.events")).stream().anyMatch(l -> l.equals("frozen 1"));
    }
}
