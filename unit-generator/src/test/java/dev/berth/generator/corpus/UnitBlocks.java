package dev.berth.generator.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of a dry-run's stdout. Quadlet prints each unit as {@code ---<name>---\n<unit text>\n}; berth's
 * {@code -dryrun} prints the same. Parsing gives name → unit text, where the unit text is what lies between the
 * header line and the next header (or the end), less the one newline the dry-run adds after each unit.
 *
 * <p>Block order is not kept significant: Quadlet sorts the files with an unstable sort, so units of the same
 * rank may come out in either order.
 */
public final class UnitBlocks {

    private static final Pattern HEADER = Pattern.compile("^---(.+)---$", Pattern.MULTILINE);

    private UnitBlocks() {
    }

    /** Name → unit text, in the printed order. A name printed twice keeps its last text. */
    public static Map<String, String> parse(String stdout) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HEADER.matcher(stdout);
        String name = null;
        int bodyStart = 0;
        while (m.find()) {
            if (name != null) {
                out.put(name, body(stdout, bodyStart, m.start()));
            }
            name = m.group(1);
            bodyStart = Math.min(stdout.length(), m.end() + 1);
        }
        if (name != null) {
            out.put(name, body(stdout, bodyStart, stdout.length()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String body(String stdout, int start, int end) {
        String text = stdout.substring(start, end);
        // The dry-run prints "%s\n" after the unit text, which itself ends in a newline.
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
