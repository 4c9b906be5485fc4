package dev.berth.spec.systemd;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** systemd's time spans ("90", "90s", "5min", "1h 30min", "500ms"), read into a {@link Duration}. */
public final class TimeSpan {

    private static final Pattern PART = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµμ]*)");

    private TimeSpan() {
    }

    /** The span; empty when {@code text} is not one ({@code infinity} is not a duration either). */
    public static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(t);
        double nanos = 0;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            Optional<Double> unit = unitNanos(m.group(2));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            nanos += Double.parseDouble(m.group(1)) * unit.get();
            at = m.end();
        }
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    private static Optional<Double> unitNanos(String unit) {
        double s = 1e9;
        return Optional.ofNullable(switch (unit) {
            case "usec", "us", "µs", "μs" -> 1e3;
            case "msec", "ms" -> 1e6;
            case "", "seconds", "second", "sec", "s" -> s;
            case "minutes", "minute", "min", "m" -> 60 * s;
            case "hours", "hour", "hr", "h" -> 3600 * s;
            case "days", "day", "d" -> 86400 * s;
            case "weeks", "week", "w" -> 7 * 86400 * s;
            default -> null;
        });
    }
}
