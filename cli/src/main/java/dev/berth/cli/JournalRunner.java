package dev.berth.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs {@code journalctl}: the seam tests replace with recorded output. The argument list is passed as it is to
 * the process (never through a shell).
 */
@FunctionalInterface
public interface JournalRunner {

    /**
     * Runs {@code argv} ({@code argv.get(0)} is the program), hands each line of its standard output to
     * {@code lines} as it arrives, and returns when the process ends (with {@code -f}: when it is killed or the
     * caller's thread is interrupted).
     *
     * @throws IOException when the program cannot be started (not installed, not executable)
     */
    Exit run(List<String> argv, Consumer<String> lines) throws IOException, InterruptedException;

    /**
     * @param status the exit status
     * @param errors what it printed on standard error, for messages
     */
    record Exit(int status, String errors) {
        public boolean succeeded() {
            return status == 0;
        }
    }

    /** A real process, started with {@link ProcessBuilder}; standard input is closed. */
    static JournalRunner process() {
        return (argv, lines) -> {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null")));
            Process process = builder.start();
            // With -f journalctl runs until berth is stopped: take it along when the JVM exits (Ctrl-C, SIGTERM).
            Thread reaper = new Thread(process::destroy, "journalctl-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            StringBuilder errors = new StringBuilder();
            Thread errorReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), errors));
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.accept(line);
                }
                int status = process.waitFor();
                errorReader.join();
                synchronized (errors) {
                    return new Exit(status, errors.toString().strip());
                }
            } finally {
                process.destroy();
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it destroys the process
                }
            }
        };
    }

    private static void drain(InputStream in, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (into) {
                    into.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }
}
