package dev.berth.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .env} file as Compose reads it: {@code KEY=value} lines, optionally after {@code export}; {@code #}
 * comments; single quotes literal; double quotes with {@code \n}, {@code \t}, {@code \\} and {@code \"} escapes
 * and interpolation; unquoted values trimmed, cut at {@code " #"}, and interpolated. Variables of the process
 * environment win over the file's own, and interpolation inside the file sees them and the lines above.
 */
public final class DotEnv {

    private DotEnv() {
    }

    /** A line that is not an assignment. */
    public record Problem(int line, String message) {
    }

    public record Parsed(Map<String, String> variables, List<Problem> problems) {
    }

    public static Parsed parse(String text, java.util.function.Function<String, Optional<String>> environment) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(n + 1, "not a KEY=value line"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String raw = line.substring(eq + 1).strip();
            Interpolation interpolation = new Interpolation(name -> environment.apply(name)
                    .or(() -> Optional.ofNullable(vars.get(name))));
            try {
                vars.put(key, value(raw, interpolation));
            } catch (Interpolation.Failure e) {
                problems.add(new Problem(n + 1, e.getMessage()));
            }
        }
        return new Parsed(vars, problems);
    }

    private static String value(String raw, Interpolation interpolation) throws Interpolation.Failure {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 ? raw.substring(1) : raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char e = raw.charAt(++i);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            return interpolation.apply(out.toString());
        }
        int comment = raw.indexOf(" #");
        String v = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
        return interpolation.apply(v);
    }
}
