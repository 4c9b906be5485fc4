package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.ArrayList;
import java.util.List;

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
        List<String> words = words(ctx, section, key);
        for (int i = 0; i < words.size(); i++) {
            podman.add(flag, words.get(i));
        }
    }

    /**
     * Each name's last {@code name=value} word, sorted by name the way Go sorts strings (by UTF-8 bytes, which is
     * code point order), as Quadlet emits them; bare words are reported.
     * Sorted by insertion into a list: a unit sets a handful of names, and a tree map would be one more JDK class
     * for the JIT compiler to compile while the generator runs.
     */
    private static List<String> words(TranslationContext ctx, SectionReader section, String key) {
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
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
            String name = w.text().substring(0, eq);
            int at = 0;
            while (at < names.size() && compareCodePoints(names.get(at), name) < 0) {
                at++;
            }
            if (at < names.size() && names.get(at).equals(name)) {
                words.set(at, w.text()); // a later assignment of a name wins
            } else {
                names.add(at, name);
                words.add(at, w.text());
            }
        }
        if (bare != null) { // called only with something to report: it then never runs (nor is compiled) for most files
            reportBare(ctx, key, current, bare);
        }
        return words;
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
