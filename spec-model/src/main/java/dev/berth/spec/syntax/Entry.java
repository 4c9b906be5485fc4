package dev.berth.spec.syntax;

import dev.berth.spec.Position;

/**
 * {@code key=value}. The value is what systemd would see: leading blanks removed, line continuations joined.
 * An empty value is an empty assignment, which resets list-valued keys.
 *
 * @param position where the key starts
 * @param valuePosition where the value starts (for diagnostics about the value)
 */
public record Entry(String key, String value, Position position, Position valuePosition) implements Line {

    public static Entry synthetic(String key, String value, Position at) {
        return new Entry(key, value, at, at);
    }

    public boolean isEmptyAssignment() {
        return value.isEmpty();
    }

    public Entry withValue(String newValue) {
        return new Entry(key, newValue, position, valuePosition);
    }
}
