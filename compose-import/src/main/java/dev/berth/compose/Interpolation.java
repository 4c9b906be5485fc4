package dev.berth.compose;

import java.util.Optional;
import java.util.function.Function;

/**
 * Compose's variable interpolation, as the Compose specification defines it: {@code $VAR} and {@code ${VAR}};
 * {@code ${VAR:-default}} (unset or empty) and {@code ${VAR-default}} (unset); {@code ${VAR:?error}} and
 * {@code ${VAR?error}}; {@code ${VAR:+replacement}} and {@code ${VAR+replacement}}; defaults and messages that
 * hold further interpolations ({@code ${A:-${B:-x}}}); and {@code $$} for a literal {@code $}. A {@code $} that
 * starts none of these is an error, as in Compose.
 */
public final class Interpolation {

    /** A reference that cannot be resolved: a required variable missing, or a malformed expression. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Function<String, Optional<String>> lookup;

    public Interpolation(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public String apply(String text) throws Failure {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw invalid(text);
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 2);
                if (close < 0) {
                    throw invalid(text);
                }
                out.append(braced(text.substring(i + 2, close), text));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 2;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(lookup.apply(text.substring(i + 1, end)).orElse(""));
                i = end;
            } else {
                throw invalid(text);
            }
        }
        return out.toString();
    }

    /** The index of the '}' closing a '${' whose content starts at {@code from}, counting nested '${'. */
    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String inner, String whole) throws Failure {
        int end = 0;
        while (end < inner.length() && (end == 0 ? isNameStart(inner.charAt(0)) : isNamePart(inner.charAt(end)))) {
            end++;
        }
        if (end == 0) {
            throw invalid(whole);
        }
        String name = inner.substring(0, end);
        String rest = inner.substring(end);
        Optional<String> value = lookup.apply(name);
        if (rest.isEmpty()) {
            return value.orElse("");
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1) : rest;
        if (op.isEmpty()) {
            throw invalid(whole);
        }
        char kind = op.charAt(0);
        String arg = op.substring(1);
        // With a colon, an empty value counts as unset.
        boolean set = value.isPresent() && !(colon && value.get().isEmpty());
        return switch (kind) {
            case '-' -> set ? value.get() : apply(arg);
            case '+' -> set ? apply(arg) : "";
            case '?' -> {
                if (!set) {
                    String message = apply(arg);
                    throw new Failure("required variable " + name + " is " + (value.isPresent() ? "empty" : "missing")
                            + (message.isEmpty() ? "" : ": " + message));
                }
                yield value.get();
            }
            default -> throw invalid(whole);
        };
    }

    private static Failure invalid(String text) {
        return new Failure("invalid interpolation in \"" + text + "\"; write $$ for a literal $");
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
