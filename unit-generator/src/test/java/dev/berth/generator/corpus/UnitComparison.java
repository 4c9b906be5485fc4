package dev.berth.generator.corpus;

import java.util.List;

/**
 * Compares a reference unit's text with berth's, line by line. The texts must be equal, except that an
 * {@code Exec*=} line may differ in the order of podman options where Quadlet 5.4.2's own order is random
 * (see {@link RandomOptionOrder} for the precise rule). Nothing else is normalised: not whitespace, not comments,
 * not the order of lines or sections.
 */
public final class UnitComparison {

    public enum Verdict {
        /** Byte-for-byte equal. */
        IDENTICAL,
        /** Equal except for a reordering the reference itself produces at random. */
        EQUIVALENT,
        DIFFERENT;

        public boolean matches() {
            return this != DIFFERENT;
        }
    }

    /**
     * The outcome. For {@link Verdict#DIFFERENT}, {@code line} is the 1-based number of the first differing line and
     * {@code expected}/{@code actual} are that line in each text ({@code <end of unit>} past the end).
     */
    public record Result(Verdict verdict, int line, String expected, String actual) {
        public boolean matches() {
            return verdict.matches();
        }

        public String describe() {
            return describe("reference", "berth");
        }

        /** One line, or for a difference the first differing line of each side, labelled. */
        public String describe(String expectedLabel, String actualLabel) {
            int width = Math.max(expectedLabel.length(), actualLabel.length()) + 1;
            return switch (verdict) {
                case IDENTICAL -> "identical";
                case EQUIVALENT -> "identical modulo Quadlet's random option order";
                case DIFFERENT -> "line " + line + " differs:\n  " + pad(expectedLabel + ":", width) + " "
                        + show(expected) + "\n  " + pad(actualLabel + ":", width) + " " + show(actual);
            };
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(Math.max(0, width - s.length()));
        }
    }

    static final String END = "<end of unit>";

    private UnitComparison() {
    }

    public static Result compare(String expected, String actual) {
        return compare(expected, actual, ReferenceVersion.V5_4);
    }

    /** {@link #compare(String, String)}, tolerating the random option order of {@code reference}. */
    public static Result compare(String expected, String actual, ReferenceVersion reference) {
        if (expected.equals(actual)) {
            return new Result(Verdict.IDENTICAL, 0, "", "");
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        boolean reordered = false;
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : END;
            String al = i < a.size() ? a.get(i) : END;
            if (el.equals(al)) {
                continue;
            }
            if (linesEquivalent(el, al, reference)) {
                reordered = true;
                continue;
            }
            return new Result(Verdict.DIFFERENT, i + 1, el, al);
        }
        // Every line matched and the texts differ, so some Exec line was reordered.
        return new Result(reordered ? Verdict.EQUIVALENT : Verdict.DIFFERENT, 0, "", "");
    }

    /** Whether two lines match: equal, or the same {@code Exec*=} key with equivalent command lines. */
    public static boolean linesEquivalent(String expected, String actual) {
        return linesEquivalent(expected, actual, ReferenceVersion.V5_4);
    }

    public static boolean linesEquivalent(String expected, String actual, ReferenceVersion reference) {
        if (expected.equals(actual)) {
            return true;
        }
        int eq = expected.indexOf('=');
        if (eq <= 0 || !expected.startsWith("Exec")) {
            return false;
        }
        String key = expected.substring(0, eq + 1);
        if (!actual.startsWith(key)) {
            return false;
        }
        return RandomOptionOrder.equivalent(expected.substring(eq + 1), actual.substring(eq + 1), reference);
    }

    /**
     * The lines of a text, split at each newline; a text ending in a newline has an empty last element, so a
     * missing or extra final newline shows up as a differing line.
     */
    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    static String show(String line) {
        return line.isEmpty() ? "(empty line)" : line;
    }
}
