package dev.berth.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the generator's messages go. A generator runs before the journal is up, so the kernel log
 * ({@code /dev/kmsg}) is the only channel that reaches the system log; each message is one kmsg record
 * {@code <prio>berth-generator[pid]: message}. When kmsg cannot be opened or written (not root, a container),
 * messages go to standard error with the same prefix. In dry-run mode they go to standard error as plain
 * {@code file:line:col: ...} lines, the form editors and people read.
 */
final class GeneratorLog implements AutoCloseable {
    static final int ERR = 3;
    static final int WARNING = 4;
    static final int INFO = 6;
    static final int DEBUG = 7;

    private final String prefix;
    private final PrintStream err;
    private final boolean plain;
    private final boolean debug;
    private OutputStream kmsg;

    private GeneratorLog(String prefix, PrintStream err, boolean plain, boolean debug, OutputStream kmsg) {
        this.prefix = prefix;
        this.err = err;
        this.plain = plain;
        this.debug = debug;
        this.kmsg = kmsg;
    }

    /**
     * @param kmsgPath the kernel log device, or null to log to {@code err} only
     * @param plain write messages to {@code err} without the program prefix
     */
    static GeneratorLog open(String programName, PrintStream err, Path kmsgPath, boolean plain, boolean debug) {
        String prefix = programName + "[" + ProcessHandle.current().pid() + "]: ";
        OutputStream kmsg = null;
        if (kmsgPath != null) {
            try {
                kmsg = new FileOutputStream(kmsgPath.toFile(), true);
            } catch (IOException | SecurityException e) {
                kmsg = null; // not root, or no kmsg: standard error it is
            }
        }
        return new GeneratorLog(prefix, err, plain, debug, kmsg);
    }

    void error(String message) {
        log(ERR, message);
    }

    void warning(String message) {
        log(WARNING, message);
    }

    void info(String message) {
        log(INFO, message);
    }

    void debug(String message) {
        if (debug) {
            log(DEBUG, message);
        }
    }

    boolean debugEnabled() {
        return debug;
    }

    private void log(int priority, String message) {
        if (kmsg != null) {
            try {
                // One write per record: the kernel turns each write into one log entry and parses <prio>.
                kmsg.write(("<" + priority + ">" + prefix + message + "\n").getBytes(StandardCharsets.UTF_8));
                kmsg.flush();
                return;
            } catch (IOException e) {
                closeKmsg();
            }
        }
        err.println(plain ? message : prefix + message);
        err.flush();
    }

    private void closeKmsg() {
        try {
            kmsg.close();
        } catch (IOException ignored) {
            // Already failing; standard error takes over.
        }
        kmsg = null;
    }

    @Override
    public void close() {
        if (kmsg != null) {
            closeKmsg();
        }
    }
}
