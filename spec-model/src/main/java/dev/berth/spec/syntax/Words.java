package dev.berth.spec.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Word splitting and quoting as systemd does it for command lines and lists (systemd.syntax(7),
 * systemd.service(5) "Command lines"). Written from systemd's documented rules.
 */
public final class Words {

    /** How a value is split. */
    public enum Style {
        /** Command lines: quotes removed, C escapes ({@code \n}, {@code \x41}, ...) decoded. */
        EXEC,
        /** Space-separated lists ({@code WantedBy=}, {@code Sysctl=}): quotes removed, backslashes kept as written. */
        LIST
    }

    /** The words of a value, or the first reason it cannot be split. */
    public record Split(List<String> words, Optional<Problem> problem) {
        public Split {
            words = List.copyOf(words);
        }

        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * What went wrong, and the offset in the value (in chars) where it was noticed, and what becomes of the value.
     */
    public record Problem(int offset, String message, String fix, Effect effect) {
        public Problem(int offset, String message, String fix) {
            this(offset, message, fix, Effect.ERROR);
        }

        /** A backslash before a character that has no escape meaning ({@code \\.}). */
        public boolean unknownEscape() {
            return effect == Effect.VALUE_IGNORED;
        }
    }

    /** What Quadlet, whose reading berth follows where it accepts a file, makes of a value with a problem. */
    public enum Effect {
        /** Not readable: an error. */
        ERROR,
        /** An unknown escape: Quadlet accepts the file and ignores the whole value. No words. */
        VALUE_IGNORED,
        /**
         * Read in Quadlet's relaxed mode: an unclosed quote runs to the end of the value, a backslash at the very end
         * is dropped. The words are the ones read.
         */
        READ_RELAXED
    }

    private Words() {
    }

    public static Split split(String value, Style style) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && isSeparator(value.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return new Split(words, Optional.empty());
            }
            // Most words have no quote and no backslash: taken as they are, without copying character by character.
            int end = i;
            char c0 = 0;
            while (end < n && !isSeparator(c0 = value.charAt(end)) && c0 != '"' && c0 != '\'' && c0 != '\\') {
                end++;
            }
            if (end == n || isSeparator(c0)) {
                words.add(value.substring(i, end));
                i = end;
                continue;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            int quoteStart = -1;
            while (i < n) {
                char c = value.charAt(i);
                if (quote == 0 && isSeparator(c)) {
                    break;
                }
                if (c == '\\' && style == Style.EXEC) {
                    Unescaped u = unescape(value, i);
                    if (u.problem != null && i + 1 >= n && quote == 0) {
                        // A backslash at the very end: Quadlet's relaxed mode drops it and keeps the word.
                        if (!word.isEmpty()) {
                            words.add(word.toString());
                        }
                        return new Split(words, Optional.of(new Problem(i, u.problem.message(), u.problem.fix(),
                                Effect.READ_RELAXED)));
                    }
                    if (u.problem != null) {
                        return new Split(words, Optional.of(u.problem));
                    }
                    word.appendCodePoint(u.codePoint);
                    i = u.next;
                    continue;
                }
                // In LIST style a backslash is an ordinary character, kept as written.
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                    i++;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                    quoteStart = i;
                    i++;
                    continue;
                }
                word.append(c);
                i++;
            }
            if (quote != 0) {
                String what = "unbalanced quotes: the " + (quote == '"' ? "double" : "single") + " quote opened here is never closed";
                String fix = "close the quote, or escape it as \\" + quote;
                if (style == Style.EXEC) {
                    // Quadlet splits command lines in relaxed mode: the quote runs to the end of the value.
                    words.add(word.toString());
                    return new Split(words, Optional.of(new Problem(quoteStart, what, fix, Effect.READ_RELAXED)));
                }
                return new Split(words, Optional.of(new Problem(quoteStart, what, fix)));
            }
            words.add(word.toString());
        }
    }

    private record Unescaped(int codePoint, int next, Problem problem) {
    }

    private static Unescaped unescape(String s, int at) {
        int n = s.length();
        if (at + 1 >= n) {
            return new Unescaped(0, at + 1, new Problem(at, "a backslash at the end of the value escapes nothing",
                    "remove it, or write \\\\ for a literal backslash"));
        }
        char c = s.charAt(at + 1);
        int simple = switch (c) {
            case 'a' -> 0x07;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0b;
            case '\\' -> '\\';
            case '"' -> '"';
            case '\'' -> '\'';
            case 's' -> ' ';
            case ';' -> ';'; // systemd.service(5): "\;" is a literal semicolon in a command line
            default -> -1;
        };
        if (simple >= 0) {
            return new Unescaped(simple, at + 2, null);
        }
        int digits;
        int radix;
        int start = at + 2;
        switch (c) {
            case 'x' -> { digits = 2; radix = 16; }
            case 'u' -> { digits = 4; radix = 16; }
            case 'U' -> { digits = 8; radix = 16; }
            default -> {
                if (c >= '0' && c <= '7') {
                    digits = 3;
                    radix = 8;
                    start = at + 1;
                } else {
                    return new Unescaped(0, at + 2, new Problem(at, "unknown escape sequence \\" + c,
                            "write \\\\" + c + " for a literal backslash followed by '" + c + "', or " + c
                                    + " alone for the character", Effect.VALUE_IGNORED));
                }
            }
        }
        if (start + digits > n) {
            return new Unescaped(0, n, new Problem(at, "escape sequence \\" + c + " is cut short",
                    "it needs " + digits + (radix == 16 ? " hexadecimal" : " octal") + " digits"));
        }
        int cp;
        try {
            cp = Integer.parseUnsignedInt(s.substring(start, start + digits), radix);
        } catch (NumberFormatException e) {
            return new Unescaped(0, start + digits, new Problem(at, "escape sequence \\" + s.substring(at + 1, start + digits)
                    + " has invalid digits", "it needs " + digits + (radix == 16 ? " hexadecimal" : " octal") + " digits"));
        }
        if (cp == 0) {
            return new Unescaped(0, start + digits, new Problem(at, "escape sequence produces a NUL character, which is not allowed",
                    "remove it"));
        }
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (radix == 8 && cp > 0xff)) {
            return new Unescaped(0, start + digits, new Problem(at, "escape sequence \\" + s.substring(at + 1, start + digits)
                    + " is not a valid character", null));
        }
        return new Unescaped(cp, start + digits, null);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Quotes words for a command line so that systemd hands each one to the program exactly as given:
     * spaces, quotes, {@code $}, {@code %} and backslashes survive the round trip through systemd's parser.
     * A word needing quotes is written in double quotes with C escapes. {@code $} and {@code %} are left as
     * they are: they are the user's deliberate variable references and specifiers, passed through for systemd
     * to expand, as Quadlet does.
     */
    public static String join(List<String> words) {
        return join(words, false);
    }

    /**
     * {@link #join(List)}, where {@code spacesEscaped} writes a blank inside a quoted word as {@code \x20}, as
     * newer Quadlets do (systemd reads both alike).
     */
    public static String join(List<String> words, boolean spacesEscaped) {
        int length = words.size();
        for (int i = 0; i < words.size(); i++) {
            length += words.get(i).length();
        }
        // Sized for the words without quotes, the usual case: no copying as a long ExecStart= grows.
        StringBuilder out = new StringBuilder(length + 16);
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            String w = words.get(i);
            if (w.length() == 1 && w.charAt(0) == ';') {
                // systemd ends a command at an unquoted lone ';' (systemd.service(5)); "\;" is the literal character.
                out.append("\\;");
                continue;
            }
            appendQuoted(out, w, spacesEscaped);
        }
        return out.toString();
    }

    public static String quote(String word) {
        StringBuilder out = new StringBuilder();
        appendQuoted(out, word, false);
        return out.toString();
    }

    private static void appendQuoted(StringBuilder out, String word, boolean spacesEscaped) {
        if (word.isEmpty()) {
            out.append("\"\"");
            return;
        }
        if (!needsQuoting(word)) {
            out.append(word);
            return;
        }
        out.append('"');
        appendEscaped(out, word, false, spacesEscaped);
        out.append('"');
    }

    static boolean needsQuoting(String word) {
        // Every word of every command line passes here: a table lookup per character, not a method call.
        for (int i = 0, n = word.length(); i < n; i++) {
            char c = word.charAt(i);
            if (c < QUOTED.length && QUOTED[c]) {
                return true;
            }
        }
        return false;
    }

    /** {@code QUOTED[c]}: whether {@link #needsEscape needsEscape(c, false)}, for c up to U+0080 (above, never). */
    private static final boolean[] QUOTED = quotedTable();

    private static boolean[] quotedTable() {
        boolean[] t = new boolean[129];
        for (char c = 0; c < t.length; c++) {
            t[c] = needsEscape(c, false);
        }
        return t;
    }

    private static boolean needsEscape(char c, boolean path) {
        if (c > 128) {
            return false;
        }
        // Up to U+0080, Character.isWhitespace or isISOControl holds for exactly U+0000..U+0020, U+007F and U+0080.
        return c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '\\' || (path && (c == '-' || c == '/'));
    }

    private static void appendEscaped(StringBuilder out, String word, boolean path) {
        appendEscaped(out, word, path, false);
    }

    private static void appendEscaped(StringBuilder out, String word, boolean path, boolean spacesEscaped) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!needsEscape(c, path)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\\' -> out.append("\\\\");
                case ' ' -> out.append(spacesEscaped ? "\\x20" : " ");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append('\'');
                case '/' -> {
                    if (i != 0) {
                        out.append('-');
                    }
                }
                default -> out.append(String.format("\\x%02x", (int) c));
            }
        }
    }

    /**
     * A value for a single-value key such as {@code RequiresMountsFor=}: quoted only when it has characters
     * systemd would otherwise split or unescape.
     */
    public static String quoteValue(String value) {
        return quote(value);
    }

    /** systemd-escape style path escaping used by Quadlet for unit names derived from paths. */
    public static String escapePath(String path) {
        StringBuilder out = new StringBuilder();
        appendEscaped(out, path, true);
        return out.toString();
    }
}
