package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts of the machine berth runs on, read from /proc and from the tools themselves. */
public final class HostFacts {

    private final Processes processes;

    public HostFacts(Processes processes) {
        this.processes = processes;
    }

    /** The kernel release ({@code uname -r}). */
    public String kernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** CRIU's version number, or empty when CRIU is not installed. */
    public String criuVersion() {
        try {
            ProcessResult r = processes.run(List.of("criu", "--version"));
            return r.stdout().lines().filter(l -> l.startsWith("Version:")).map(l -> l.substring(8).strip())
                    .findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The effective user ID of this process (from /proc/self/status, no native code). */
    public static long effectiveUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[2])).findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Resident memory of the processes of a cgroup (v2 path under /sys/fs/cgroup), in bytes: what a dump writes. */
    public static long residentBytes(String cgroup) {
        Path dir = Path.of("/sys/fs/cgroup" + cgroup);
        long total = 0;
        try (var walk = Files.walk(dir)) {
            for (Path procs : walk.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
                for (String pid : Files.readAllLines(procs)) {
                    total += rss(pid.strip());
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static long rss(String pid) {
        try {
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[1]) * 1024).findFirst().orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
