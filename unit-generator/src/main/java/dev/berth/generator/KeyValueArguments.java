package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * KEY_VALUE keys such as {@code Environment=}, {@code Label=} and {@code Annotation=}: every value is split like a
 * command line into {@code name=value} words; a later name overrides an earlier one; the result is emitted sorted by
 * name as {@code flag name=value}.
 */
public final class KeyValueArguments {

    private KeyValueArguments() {
    }

    /**
     * Adds {@code flag name=value} for every pair of {@code key}. A word without {@code =} is reported: Quadlet 5.4.2
     * drops it without a word, which silently loses the setting.
     */
    public static void add(TranslationContext ctx, SectionReader section, String key, String flag, PodmanCommand podman) {
        for (Map.Entry<String, String> e : pairs(ctx, section, key).entrySet()) {
            podman.add(flag, e.getKey() + "=" + e.getValue());
        }
    }

    /** The pairs of {@code key}, sorted the way Go sorts strings (by UTF-8 bytes, which is code point order). */
    public static TreeMap<String, String> pairs(TranslationContext ctx, SectionReader section, String key) {
        TreeMap<String, String> out = new TreeMap<>(KeyValueArguments::compareCodePoints);
        for (SectionReader.Word w : section.argWords(key)) {
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                ctx.error(w.entry().valuePosition(), key + "= item '" + w.text() + "' has no '=', so Quadlet would drop it",
                        "write " + w.text() + "=<value>");
                continue;
            }
            out.put(w.text().substring(0, eq), w.text().substring(eq + 1));
        }
        return out;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
