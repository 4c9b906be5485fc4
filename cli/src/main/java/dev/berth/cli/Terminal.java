package dev.berth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard output is a terminal, which decides if job commands show progress. Read from
 * {@code /proc/self/fd/1} (berth runs on Linux only): {@code System.console()} cannot tell under {@code --release 21}
 * (JDK 22 and later return a console for redirected output too, and {@code isTerminal()} is not in 21).
 */
final class Terminal {

    private Terminal() {
    }

    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
