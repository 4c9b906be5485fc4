package dev.berth.spec;

import java.util.Optional;

/**
 * One problem found in a source file. Errors are values: every stage returns them instead of throwing,
 * so one bad file never hides the diagnostics of another.
 *
 * @param fix how to repair it, when we know ("did you mean 'PublishPort'?"); empty otherwise
 */
public record Diagnostic(Severity severity, Position position, String message, Optional<String> fix) {

    public Diagnostic {
        if (severity == null || position == null || message == null || fix == null) {
            throw new IllegalArgumentException("diagnostic fields must not be null");
        }
    }

    public static Diagnostic error(Position position, String message) {
        return new Diagnostic(Severity.ERROR, position, message, Optional.empty());
    }

    public static Diagnostic error(Position position, String message, String fix) {
        return new Diagnostic(Severity.ERROR, position, message, Optional.ofNullable(fix));
    }

    public static Diagnostic warning(Position position, String message) {
        return new Diagnostic(Severity.WARNING, position, message, Optional.empty());
    }

    public static Diagnostic warning(Position position, String message, String fix) {
        return new Diagnostic(Severity.WARNING, position, message, Optional.ofNullable(fix));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line: {@code file:line:col: error: message (fix)}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(position).append(": ").append(severity.label()).append(": ").append(message);
        fix.ifPresent(f -> sb.append("; ").append(f));
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
