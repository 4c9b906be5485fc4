package dev.berth.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a unit's journal through {@code journalctl -o json}, run by argument list through a {@link JournalRunner}. */
final class Journal {

    /** How many lines a failed job shows, as {@code systemctl status} does. */
    static final int FAILURE_LINES = 10;

    private final JournalRunner runner;
    private final boolean user;

    Journal(JournalRunner runner, boolean user) {
        this.runner = runner;
        this.user = user;
    }

    /**
     * {@code journalctl [--user] -o json --all --no-pager -u UNIT [-n N] [-f]}. {@code --all} keeps long messages
     * (journalctl prints fields over 4 KiB as null without it).
     */
    List<String> argv(String unit, OptionalInt lines, boolean follow) {
        return argv(List.of(unit), lines, follow, Filter.NONE);
    }

    /**
     * Which entries {@code berth logs} asks for beyond the units, each passed to journalctl as it is (journalctl
     * reads the time and priority syntax, and says what is wrong with it).
     *
     * @param since    {@code --since=}: "2024-05-01 10:00", "-1h", "today"
     * @param until    {@code --until=}
     * @param priority {@code -p}: "err", "warning..emerg", "3"
     * @param thisBoot {@code -b}: only the current boot
     * @param grep     {@code --grep=}: a pattern the message must match
     */
    record Filter(Optional<String> since, Optional<String> until, Optional<String> priority, boolean thisBoot,
                  Optional<String> grep) {
        static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    /** The same for several units (one {@code -u} each: journalctl shows them interleaved, by time). */
    List<String> argv(List<String> units, OptionalInt lines, boolean follow, Filter filter) {
        List<String> argv = new ArrayList<>(List.of("journalctl"));
        if (user) {
            argv.add("--user");
        }
        argv.addAll(List.of("-o", "json", "--all", "--no-pager"));
        for (String unit : units) {
            argv.addAll(List.of("-u", unit));
        }
        filter.since().ifPresent(v -> argv.add("--since=" + v));
        filter.until().ifPresent(v -> argv.add("--until=" + v));
        filter.priority().ifPresent(v -> argv.addAll(List.of("-p", v)));
        if (filter.thisBoot()) {
            argv.add("-b");
        }
        filter.grep().ifPresent(v -> argv.add("--grep=" + v));
        if (lines.isPresent()) {
            argv.addAll(List.of("-n", Integer.toString(lines.getAsInt())));
        }
        if (follow) {
            argv.add("-f");
        }
        return argv;
    }

    /**
     * What a read gave: the exit status and standard error of journalctl, or why it could not run and, when known,
     * how to fix that.
     */
    record Outcome(boolean ran, int status, String errors, Optional<String> fix) {
        Outcome(boolean ran, int status, String errors) {
            this(ran, status, errors, Optional.empty());
        }

        boolean succeeded() {
            return ran && status == 0;
        }

        /** "journalctl exited with status 1: No journal files were found." */
        String problem() {
            if (!ran) {
                return errors;
            }
            return "journalctl exited with status " + status + (errors.isEmpty() ? "" : ": " + firstLine(errors));
        }

        private static String firstLine(String text) {
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        }
    }

    /** Streams the unit's records to {@code records} as journalctl prints them. */
    Outcome read(String unit, OptionalInt lines, boolean follow, Consumer<JournalRecord> records) {
        return read(List.of(unit), lines, follow, Filter.NONE, records);
    }

    /** Streams the records of {@code units} that pass {@code filter}. */
    Outcome read(List<String> units, OptionalInt lines, boolean follow, Filter filter,
                 Consumer<JournalRecord> records) {
        try {
            JournalRunner.Exit exit = runner.run(argv(units, lines, follow, filter),
                    line -> JournalRecord.parse(line, units.get(0)).ifPresent(records));
            return new Outcome(true, exit.status(), exit.errors());
        } catch (IOException e) {
            return cannotRun(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, -1, "interrupted while reading the journal");
        }
    }

    /** The last {@code n} records of the unit, oldest first. */
    List<JournalRecord> last(String unit, int n, List<String> problems) {
        List<JournalRecord> out = new ArrayList<>();
        Outcome o = read(unit, OptionalInt.of(n), false, out::add);
        if (!o.succeeded()) {
            problems.add(o.problem());
        }
        return out;
    }

    /**
     * Why journalctl could not be started, in words: the JDK reports it as "Cannot run program "journalctl": Exec
     * failed, error: 2 (No such file or directory)" (or "error=2, ..."), which names neither the cause nor a fix.
     */
    static Outcome cannotRun(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher errno = ERRNO.matcher(m);
        int code = errno.find() ? Integer.parseInt(errno.group(1)) : -1;
        return switch (code) {
            case 2 -> new Outcome(false, -1, "cannot run journalctl: it is not installed, or not in a directory on PATH",
                    Optional.of("berth reads logs with systemd's journalctl: install it (Debian: apt-get install "
                            + "systemd), or run berth with /usr/bin on PATH"));
            case 13 -> new Outcome(false, -1, "cannot run journalctl: permission denied",
                    Optional.of("check that journalctl (usually /usr/bin/journalctl) is executable for you"));
            default -> new Outcome(false, -1, "cannot run journalctl: " + reason(m),
                    Optional.of("check that systemd's journalctl runs: journalctl --version"));
        };
    }

    /** "error=2" (older JDKs) or "error: 2" (JDK 21 and later, from the spawn helper). */
    private static final Pattern ERRNO = Pattern.compile("error[=:] ?(\\d+)");

    /** The text after the program name, without the JDK's "Cannot run program ..." prefix. */
    private static String reason(String m) {
        int paren = m.lastIndexOf('(');
        if (paren >= 0 && m.endsWith(")")) {
            return m.substring(paren + 1, m.length() - 1).toLowerCase(java.util.Locale.ROOT);
        }
        int colon = m.lastIndexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m;
    }
}
