package dev.berth.cli;

import java.util.Optional;

/**
 * The last line of defence of every {@code berth} command: a bug (an unexpected exception) or an error of the JVM
 * (a stack overflow, memory exhausted) becomes one problem with a fix, in text or, when the command line asked for
 * {@code --format json}, as the usual {@code {"errors": [...]}} document, so that a program reading the output still
 * gets JSON. Never a stack trace.
 */
final class InternalErrors {

    static final String FIX = "this is a bug in berth: please report it with the command line and the files it read";

    private InternalErrors() {
    }

    /** Prints {@code failure} as an internal error in the format {@code args} asked for; returns the exit status 1. */
    static int report(Throwable failure, String[] args, Berth.Session session) {
        OutputFormat format = asksForJson(args) ? OutputFormat.JSON : OutputFormat.TEXT;
        try {
            return new Console(session, format).fail("internal", Optional.empty(), "internal error: " + failure,
                    Optional.of(FIX));
        } catch (RuntimeException | Error again) {
            // Printing failed too (for example memory is still exhausted): a plain line is all that is left.
            session.err().println("berth: internal error: " + failure);
            return Console.FAILED;
        }
    }

    /** Whether the command line has {@code --format json} or {@code --format=json}, read without picocli. */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return false;
            }
            if (a.equalsIgnoreCase("--format=json") || (a.equals("--format") && i + 1 < args.length
                    && args[i + 1].equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }
}
