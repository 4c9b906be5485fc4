package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.ArrayList;
import java.util.List;
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
        // Each name's winning word is already "name=value": emitted as it is, not cut and joined again.
        for (String word : words(ctx, section, key).values()) {
            podman.add(flag, word);
        }
    }

    /** The pairs of {@code key}, sorted the way Go sorts strings (by UTF-8 bytes, which is code point order). */
    public static TreeMap<String, String> pairs(TranslationContext ctx, SectionReader section, String key) {
        TreeMap<String, String> out = new TreeMap<>(KeyValueArguments::compareCodePoints);
        for (Map.Entry<String, String> e : words(ctx, section, key).entrySet()) {
            out.put(e.getKey(), e.getValue().substring(e.getKey().length() + 1));
        }
        return out;
    }

    /** Each name's last {@code name=value} word, sorted by name as {@link #pairs} is; bare words are reported. */
    private static TreeMap<String, String> words(TranslationContext ctx, SectionReader section, String key) {
        TreeMap<String, String> out = new TreeMap<>(KeyValueArguments::compareCodePoints);
        Entry current = null;
        List<String> bare = null;
        for (SectionReader.Word w : section.argWords(key)) {
            if (w.entry() != current) {
                if (bare != null) {
                    reportBare(ctx, key, current, bare);
                }
                current = w.entry();
                bare = null;
            }
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                if (bare == null) {
                    bare = new ArrayList<>();
                }
                bare.add(w.text());
                continue;
            }
            out.put(w.text().substring(0, eq), w.text());
        }
        if (bare != null) { // called only with something to report: it then never runs (nor is compiled) for most files
            reportBare(ctx, key, current, bare);
        }
        return out;
    }

    /** One diagnostic per assignment for its words without {@code =}, which Quadlet 5.4.2 drops without a word. */
    private static void reportBare(TranslationContext ctx, String key, Entry entry, List<String> bare) {
        String items = "'" + String.join("', '", bare) + "'";
        String message = bare.size() == 1
                ? key + "= item " + items + " has no '=', so Quadlet would drop it"
                : key + "= items " + items + " have no '=', so Quadlet would drop them";
        boolean comment = bare.get(0).startsWith("#") || bare.get(0).startsWith(";");
        String fix = comment
                ? "a comment must be on a line of its own; systemd has no comments at the end of a line"
                : "quote a value that contains blanks (\"NAME=two words\"), or write " + bare.get(0) + "=<value>";
        ctx.error(entry.valuePosition(), message, fix);
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
