package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One journal entry as {@code journalctl -o json} prints it, reduced to what berth shows.
 *
 * <p>journalctl's JSON has three shapes for a field's value: a string; an array of numbers (the raw bytes, when
 * the value is not valid UTF-8 or holds control characters other than newline and tab); and, when the field occurs
 * more than once in the entry, an array of those. A field too large for journalctl's threshold is {@code null}
 * (berth asks for {@code --all}, so this only happens with other callers' output).
 *
 * @param time     {@code __REALTIME_TIMESTAMP} (microseconds since the epoch); empty if missing
 * @param unit     the unit the entry is about: {@code UNIT}/{@code USER_UNIT} for systemd's own messages, else
 *                 {@code _SYSTEMD_UNIT}/{@code _SYSTEMD_USER_UNIT}, else the one asked for
 * @param pid      {@code _PID}
 * @param priority {@code PRIORITY}, 0 (emerg) to 7 (debug)
 * @param message  {@code MESSAGE}, bytes decoded as UTF-8
 */
public record JournalRecord(Optional<Instant> time, String unit, OptionalLong pid, OptionalInt priority,
                            String message) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Parses one line of {@code journalctl -o json}; empty for a line that is not a JSON object (journalctl
     * prints nothing else on standard output, but a broken pipe can cut a line).
     *
     * @param askedFor the unit journalctl was asked about, used when the entry names none
     */
    public static Optional<JournalRecord> parse(String line, String askedFor) {
        JsonNode entry;
        try {
            entry = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.empty();
        }
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        Optional<Instant> time = text(entry.get("__REALTIME_TIMESTAMP")).flatMap(JournalRecord::micros);
        String unit = text(entry.get("UNIT")).or(() -> text(entry.get("USER_UNIT")))
                .or(() -> text(entry.get("_SYSTEMD_USER_UNIT")))
                .or(() -> text(entry.get("_SYSTEMD_UNIT")))
                .orElse(askedFor);
        OptionalLong pid = text(entry.get("_PID")).map(JournalRecord::number).orElse(OptionalLong.empty());
        OptionalLong priority = text(entry.get("PRIORITY")).map(JournalRecord::number).orElse(OptionalLong.empty());
        String message = text(entry.get("MESSAGE")).orElse("");
        return Optional.of(new JournalRecord(time, unit, pid,
                priority.isPresent() ? OptionalInt.of((int) priority.getAsLong()) : OptionalInt.empty(), message));
    }

    /** {@code 2025-03-01 12:00:00 web.service[1234]: message}, the time in {@code zone}. */
    public String format(ZoneId zone) {
        String when = time.map(t -> TEXT_TIME.format(t.atZone(zone))).orElse("-");
        String who = pid.isPresent() ? unit + "[" + pid.getAsLong() + "]" : unit;
        return when + " " + who + ": " + message;
    }

    /** One journal entry in berth's JSON: {@code timestamp, unit, pid, priority, message}; absent values are null. */
    public record JsonEntry(Optional<String> timestamp, String unit, Optional<Long> pid, Optional<Integer> priority,
                       String message) {
    }

    /** This entry as berth's JSON shows it. */
    public JsonEntry json() {
        return new JsonEntry(time.map(Instant::toString), unit,
                pid.isPresent() ? Optional.of(pid.getAsLong()) : Optional.empty(),
                priority.isPresent() ? Optional.of(priority.getAsInt()) : Optional.empty(), message);
    }

    /** A string value, a byte-array value, or (repeated field) the last of several; empty for null or missing. */
    private static Optional<String> text(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        if (value.isArray()) {
            if (!value.isEmpty() && value.get(0).isNumber()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.size());
                for (JsonNode b : value) {
                    bytes.write(b.asInt());
                }
                return Optional.of(bytes.toString(StandardCharsets.UTF_8));
            }
            for (int i = value.size() - 1; i >= 0; i--) {
                Optional<String> last = text(value.get(i));
                if (last.isPresent()) {
                    return last;
                }
            }
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static Optional<Instant> micros(String text) {
        OptionalLong n = number(text);
        return n.isPresent() ? Optional.of(Instant.EPOCH.plus(n.getAsLong(), ChronoUnit.MICROS)) : Optional.empty();
    }

    private static OptionalLong number(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
