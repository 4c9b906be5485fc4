package dev.berth.spec.yaml;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.ValueKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints units as a {@code .berth.yaml} spec that {@link BerthYamlReader} reads back into the same entries: each
 * key once, with its values in order (a list when the unit file repeats it), a {@code name=value} list as a map
 * when every entry is one plain word, and a command key by its last value (the one that counts). Comments are
 * not carried over. A section whose repeated keys interleave (a key comes back after another one) is written in
 * the exact form, a list of {@code Key=value} lines, so that its order survives.
 */
public final class BerthYamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./@%+=,:~^()-]*");
    private static final Set<String> AMBIGUOUS = Set.of("null", "Null", "NULL", "True", "TRUE", "False", "FALSE");

    private BerthYamlWriter() {
    }

    public static String write(List<BerthYaml.Unit> units, String headerComment) {
        StringBuilder out = new StringBuilder();
        if (headerComment != null && !headerComment.isEmpty()) {
            for (String line : headerComment.split("\n", -1)) {
                out.append("# ").append(line).append('\n');
            }
        }
        out.append(BerthYaml.UNITS).append(':');
        if (units.isEmpty()) {
            out.append(" {}\n");
            return out.toString();
        }
        out.append('\n');
        for (BerthYaml.Unit u : units) {
            out.append("  ").append(scalar(u.fileName())).append(':');
            List<Section> sections = u.file().merged().sections();
            if (sections.isEmpty()) {
                out.append(" {}\n");
                continue;
            }
            out.append('\n');
            for (Section s : sections) {
                writeSection(s, out);
            }
        }
        return out.toString();
    }

    private static void writeSection(Section s, StringBuilder out) {
        out.append("    ").append(scalar(s.name())).append(':');
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Entry e : s.entries()) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
        }
        if (byKey.isEmpty()) {
            out.append(" {}\n");
            return;
        }
        out.append('\n');
        if (interleaved(s.entries())) {
            // Grouping by key would reorder the lines, and systemd and the copied [X-...] section keep their
            // order: the exact form, one "Key=value" line per item.
            for (Entry e : s.entries()) {
                out.append("      - ").append(scalar(e.key() + "=" + e.value())).append('\n');
            }
            return;
        }
        byKey.forEach((key, values) -> {
            ValueKind kind = KeyCatalog.find(s.name(), key).map(KeySpec::valueKind).orElse(null);
            out.append("      ").append(scalar(key)).append(':');
            if (kind == ValueKind.COMMAND || values.size() == 1) {
                out.append(' ').append(scalar(values.get(values.size() - 1))).append('\n');
                return;
            }
            Optional<Map<String, String>> map = kind == ValueKind.KEY_VALUE ? asMap(values) : Optional.empty();
            out.append('\n');
            if (map.isPresent()) {
                map.get().forEach((k, v) -> out.append("        ").append(scalar(k)).append(": ").append(scalar(v))
                        .append('\n'));
            } else {
                values.forEach(v -> out.append("        - ").append(scalar(v)).append('\n'));
            }
        });
    }

    /** Whether a key comes back after another key: then a map of keys cannot keep the order. */
    private static boolean interleaved(List<Entry> entries) {
        java.util.Set<String> done = new java.util.HashSet<>();
        String current = null;
        for (Entry e : entries) {
            if (!e.key().equals(current)) {
                if (!done.add(e.key())) {
                    return true;
                }
                current = e.key();
            }
        }
        return false;
    }

    /** The entries as a map when each is one plain {@code name=value} word with a name of its own. */
    private static Optional<Map<String, String>> asMap(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || !Words.quote(v).equals(v) || map.containsKey(v.substring(0, eq))) {
                return Optional.empty();
            }
            String value = v.substring(eq + 1);
            if (value.isEmpty()) {
                return Optional.empty(); // a null map value reads back as "K=", but keep the list: it says what it is
            }
            map.put(v.substring(0, eq), value);
        }
        return Optional.of(map);
    }

    /** A YAML scalar that reads back as exactly {@code value}: plain when that is unambiguous, else double-quoted. */
    public static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !value.endsWith(":") && !AMBIGUOUS.contains(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
