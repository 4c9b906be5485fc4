package dev.berth.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of comma-separated fields, read and written with the rules of Go's {@code encoding/csv} (RFC 4180:
 * a field in double quotes may hold commas, newlines and doubled quotes), which is what podman and Quadlet use
 * for {@code --mount} values. Only the single-record case {@code Mount=} needs is supported.
 */
final class CsvRecord {

    /** The fields, or why the text is not exactly one record. */
    record Parsed(List<String> fields, Optional<String> problem) {
        Parsed {
            fields = List.copyOf(fields);
        }

        static Parsed failure(String problem) {
            return new Parsed(List.of(), Optional.of(problem));
        }
    }

    private CsvRecord() {
    }

    static Parsed parse(String text) {
        String s = text.replace("\r\n", "\n");
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = s.length();
        boolean atLineStart = true;
        while (i <= n) {
            if (atLineStart) {
                // Empty lines are skipped, as Go's reader does.
                while (i < n && s.charAt(i) == '\n') {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                atLineStart = false;
            }
            StringBuilder field = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return Parsed.failure("a quoted field is never closed");
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
                    return Parsed.failure("unexpected text after a closing quote");
                }
            } else {
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '"') {
                        return Parsed.failure("a double quote inside a field that does not start with one");
                    }
                    field.append(s.charAt(i));
                    i++;
                }
            }
            fields.add(field.toString());
            if (i < n && s.charAt(i) == ',') {
                i++;
                continue;
            }
            records.add(fields);
            fields = new ArrayList<>();
            atLineStart = true;
            i++;
        }
        if (records.size() != 1) {
            return Parsed.failure(records.isEmpty() ? "it is empty" : "it spans several lines");
        }
        return new Parsed(records.get(0), Optional.empty());
    }

    static String write(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            String field = fields.get(f);
            if (!needsQuotes(field)) {
                out.append(field);
                continue;
            }
            out.append('"');
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '"') {
                    out.append("\"\"");
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
        return out.toString();
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') {
                return true;
            }
        }
        return isGoSpace(field.codePointAt(0));
    }

    /** Go's unicode.IsSpace: the Latin-1 blanks plus the Unicode space and separator categories above them. */
    static boolean isGoSpace(int c) {
        if (c <= 0xff) {
            return c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xa0;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
