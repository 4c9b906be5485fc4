package dev.berth.spec.syntax;

import dev.berth.spec.Position;

/** A comment line ({@code #} or {@code ;}) or a blank line, kept so that printing round-trips. */
public record Comment(String text, Position position) implements Line {

    public boolean isBlank() {
        return text.isEmpty();
    }
}
