package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.ArrayList;
import java.util.HashMap;
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
     * Adds {@code flag name=value} for every pair of {@code key}. A word without {@code =} is dropped with a warning:
     * Quadlet 5.4.2 drops it without a word, which silently loses the setting.
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
     * Each name's first word is appended and later ones replace it (found through a hash map only once there are
     * more than a few names), then the words are sorted once: n log n. Sorting by insertion into the list was
     * quadratic (100,000 labels took over a minute).
     */
    private static List<String> words(TranslationContext ctx, SectionReader section, String key) {
        List<SectionReader.Word> all = section.argWords(key);
        List<String> words = new ArrayList<>(all.size());
        HashMap<String, Integer> slots = all.size() > FEW ? new HashMap<>(all.size() * 2) : null;
        Entry current = null;
        List<String> bare = null;
        for (int w = 0; w < all.size(); w++) {
            SectionReader.Word word = all.get(w);
            if (word.entry() != current) {
                if (bare != null) {
                    reportBare(ctx, key, current, bare);
                }
                current = word.entry();
                bare = null;
            }
            String text = word.text();
            int eq = text.indexOf('=');
            if (eq < 0) {
                if (bare == null) {
                    bare = new ArrayList<>();
                }
                bare.add(text);
                continue;
            }
            int at = slots == null ? linearSlot(words, text, eq) : slots.getOrDefault(text.substring(0, eq), -1);
            if (at >= 0) {
                words.set(at, text); // a later assignment of a name wins
            } else {
                if (slots != null) {
                    slots.put(text.substring(0, eq), words.size());
                }
                words.add(text);
            }
        }
        if (bare != null) { // called only with something to report: it then never runs (nor is compiled) for most files
            reportBare(ctx, key, current, bare);
        }
        if (slots == null) {
            sortFew(words);
        } else {
            words.sort(KeyValueArguments::compareNames);
        }
        return words;
    }

    /**
     * Insertion sort, for the handful of words a unit usually has: the per-file path then needs no JDK sorting code
     * compiled (a generator lives for a fraction of a second, mostly before its methods are compiled).
     */
    private static void sortFew(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            int j = i - 1;
            while (j >= 0 && compareNames(words.get(j), w) > 0) {
                words.set(j + 1, words.get(j));
                j--;
            }
            words.set(j + 1, w);
        }
    }

    /** Up to this many words, a name's earlier word is found by scanning: cheaper than hashing for a handful. */
    private static final int FEW = 16;

    /** The index of the word assigning the same name as {@code text} (whose '=' is at {@code eq}), or -1. */
    private static int linearSlot(List<String> words, String text, int eq) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() > eq && w.charAt(eq) == '=' && w.regionMatches(0, text, 0, eq)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Compares two {@code name=value} words by their names (up to the first '='), in code point order, without
     * copying them: UTF-16 order is code point order except that a surrogate (half of a character above U+FFFF)
     * is larger than any other char.
     */
    static int compareNames(String a, String b) {
        for (int i = 0;; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == '=' || y == '=') {
                return x == y ? 0 : x == '=' ? -1 : 1; // a name that ends first sorts first
            }
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                if (sx != Character.isSurrogate(y)) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
    }

    /**
     * One warning per assignment for its words without {@code =}. Quadlet 5.4.2 accepts the file and drops such
     * words without a word (newer Podman warns, and from 5.6 passes the bare name on); berth drops them as 5.4.2
     * does, so the unit is the same, and says so.
     */
    private static void reportBare(TranslationContext ctx, String key, Entry entry, List<String> bare) {
        String items = "'" + String.join("', '", bare) + "'";
        String message = bare.size() == 1
                ? key + "= item " + items + " has no '='; Quadlet 5.4.2 drops it, and so does berth"
                : key + "= items " + items + " have no '='; Quadlet 5.4.2 drops them, and so does berth";
        message += " (newer Podman versions keep a bare name, without a value)";
        boolean comment = bare.get(0).startsWith("#") || bare.get(0).startsWith(";");
        String fix = comment
                ? "a comment must be on a line of its own; systemd has no comments at the end of a line"
                : "quote a value that contains blanks (\"NAME=two words\"), or write " + bare.get(0) + "=<value>";
        ctx.warning(entry.valuePosition(), message, fix);
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
