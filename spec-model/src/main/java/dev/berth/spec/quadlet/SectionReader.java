package dev.berth.spec.quadlet;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the values of one merged section the way Quadlet's lookups do (see {@link ValueKind}), reporting
 * values that cannot be read to {@code problems} instead of dropping them silently.
 *
 * <p>Confined to one translation, like its {@code problems} list: after a few lookups it indexes the section's
 * keys, since a translation asks a main section about every key it knows.
 *
 * <p>The lists it returns are not to be modified. A key that is not set gives the shared empty list, whose
 * iterator is shared too: a translation asks about dozens of unset keys per file, mostly in C1-compiled code,
 * which would otherwise allocate a list and an iterator for each.
 */
public final class SectionReader {

    /** Lookups answered by scanning the lines before the reader builds its index: most readers are asked once or twice. */
    private static final int SCANS_BEFORE_INDEX = 4;
    private static final Entry[] NONE = new Entry[0];

    private final Section section;
    private final List<Diagnostic> problems;
    /** Each key's assignments in order, built on demand; a translation asks a main section about every key. */
    private Map<String, Entry[]> index;
    private int scans;
    /** Quadlet 5.8.2 and later trim one pair of surrounding quotes from a single value, not every quote. */
    private boolean onePairOfQuotes;

    /** @param problems where unreadable values are reported; owned by the caller's translation */
    public SectionReader(Section section, List<Diagnostic> problems) {
        this.section = section;
        this.problems = problems;
    }

    /**
     * A reader that indexes the section at once, for a caller that will ask about many keys (a translation asks
     * its main section about every key of the kind): the first lookups then do not scan the lines first.
     */
    public static SectionReader indexed(Section section, List<Diagnostic> problems) {
        SectionReader r = new SectionReader(section, problems);
        r.index = buildIndex(section);
        return r;
    }

    /**
     * This reader, reading single values as Quadlet 5.8.2 and later do: one pair of double quotes around the whole
     * value is removed ({@code ""/a""} reads {@code "/a"}, {@code HealthCmd=sh -c "x"} keeps its quotes), where
     * earlier Quadlets removed every double quote at either end.
     */
    public SectionReader trimmingOnePairOfQuotes() {
        onePairOfQuotes = true;
        return this;
    }

    /** Every assignment of {@code key} in order (empty-assignment resets not applied); not to be modified. */
    private Entry[] all(String key) {
        if (index == null) {
            if (scans < SCANS_BEFORE_INDEX) {
                scans++;
                return section.entries(key).toArray(NONE);
            }
            index = buildIndex(section);
        }
        return index.getOrDefault(key, NONE);
    }

    /** Up to this many assignments, a repeated key's array grows by one; beyond, they are collected in a list. */
    private static final int GROW_BY_ONE = 8;

    private static Map<String, Entry[]> buildIndex(Section section) {
        List<Line> lines = section.lines();
        Map<String, Entry[]> out = new HashMap<>(lines.size() * 2);
        Map<String, List<Entry>> many = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Entry e) {
                // Most keys are set once; a key repeated a few times grows its array by one, which is cheaper than a
                // list per key. Growing by one for every one of 100,000 Label= lines was quadratic.
                Entry[] before = out.get(e.key());
                if (before == null) {
                    out.put(e.key(), new Entry[] {e});
                } else if (before.length < GROW_BY_ONE) {
                    Entry[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = e;
                    out.put(e.key(), after);
                } else {
                    many = collect(many, before, e);
                }
            }
        }
        if (many != null) {
            for (Map.Entry<String, List<Entry>> m : many.entrySet()) {
                out.put(m.getKey(), m.getValue().toArray(NONE));
            }
        }
        return out;
    }

    /** Adds {@code e} to the list of its key, begun with the key's first assignments {@code first}. */
    private static Map<String, List<Entry>> collect(Map<String, List<Entry>> many, Entry[] first, Entry e) {
        Map<String, List<Entry>> m = many == null ? new HashMap<>() : many;
        List<Entry> list = m.get(e.key());
        if (list == null) {
            list = new ArrayList<>(Arrays.asList(first));
            m.put(e.key(), list);
        }
        list.add(e);
        return m;
    }

    /** The last assignment of {@code key}. */
    private Optional<Entry> last(String key) {
        return Optional.ofNullable(lastOrNull(key));
    }

    /**
     * The last assignment of {@code key}, or null: what the many lookups of a translation use, so that they cost
     * no {@code Optional} (most run interpreted, before the JIT compiler gets to them).
     */
    private Entry lastOrNull(String key) {
        if (index == null && scans < SCANS_BEFORE_INDEX) {
            scans++;
            List<Line> lines = section.lines();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i) instanceof Entry e && e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }
        Entry[] all = all(key);
        return all.length == 0 ? null : all[all.length - 1];
    }

    public static SectionReader empty(String name, String path, List<Diagnostic> problems) {
        return new SectionReader(new Section(name, Position.ofFile(path), List.of()), problems);
    }

    public Section section() {
        return section;
    }

    public boolean has(String key) {
        return lastOrNull(key) != null;
    }

    public Optional<Entry> lastEntry(String key) {
        return last(key);
    }

    /** Where {@code key} was last set, or the section header when it was not. */
    public Position positionOf(String key) {
        Entry last = lastOrNull(key);
        return last == null ? section.position() : last.position();
    }

    /** SINGLE: the last value, trailing blanks and surrounding double quotes trimmed. */
    public Optional<String> single(String key) {
        Entry last = lastOrNull(key);
        return last == null ? Optional.empty() : Optional.of(value(last));
    }

    private String value(Entry e) {
        return onePairOfQuotes ? trimOnePair(e.value().stripTrailing()) : singleValue(e);
    }

    private static String trimOnePair(String v) {
        return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' ? v.substring(1, v.length() - 1) : v;
    }

    /** An assignment's value read as SINGLE: trailing blanks and surrounding double quotes trimmed. */
    public static String singleValue(Entry e) {
        return trimQuotes(e.value().stripTrailing());
    }

    /**
     * SINGLE, only when set to a non-empty value: what most flags need. Null otherwise, so that the many lookups
     * of a translation cost no {@code Optional} and no lambda.
     */
    public String nonEmpty(String key) {
        Entry last = lastOrNull(key);
        if (last == null) {
            return null;
        }
        String v = value(last);
        return v.isEmpty() ? null : v;
    }

    public String single(String key, String fallback) {
        return single(key).orElse(fallback);
    }

    /** The last value exactly as written (after continuation joining). */
    public Optional<String> raw(String key) {
        return last(key).map(Entry::value);
    }

    /** LIST: every value in order; an empty assignment clears what came before. */
    public List<String> list(String key) {
        Entry[] entries = effective(key);
        if (entries.length == 0) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            out.add(e.value());
        }
        return out;
    }

    /** The entries that survive empty-assignment resets, with their positions. */
    public List<Entry> entries(String key) {
        Entry[] entries = effective(key);
        if (entries.length == 0) {
            return Collections.emptyList();
        }
        List<Entry> out = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            out.add(e);
        }
        return out;
    }

    /**
     * {@link #entries} as an array, not to be modified: the lookups of a translation loop over arrays, since C1
     * (which compiles them) allocates an iterator for every loop over a list.
     */
    private Entry[] effective(String key) {
        Entry[] all = all(key);
        int from = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i].isEmptyAssignment()) {
                from = i + 1; // an empty assignment clears what came before it
            }
        }
        return from == 0 ? all : Arrays.copyOfRange(all, from, all.length);
    }

    /** WORDS: each value split at blanks, quotes removed, backslashes kept. */
    public List<String> words(String key) {
        Entry[] entries = effective(key);
        if (entries.length == 0) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.addAll(split(e, Words.Style.LIST));
        }
        return out;
    }

    /** ARGS: each value split like a command line. */
    public List<String> args(String key) {
        Entry[] entries = effective(key);
        if (entries.length == 0) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.addAll(split(e, Words.Style.EXEC));
        }
        return out;
    }

    /** One word of a multi-word value and the assignment it came from, for diagnostics about that word. */
    public record Word(String text, Entry entry) {
    }

    /** ARGS, keeping the assignment each word came from. */
    public List<Word> argWords(String key) {
        return wordsOf(key, Words.Style.EXEC);
    }

    /** WORDS, keeping the assignment each word came from. */
    public List<Word> listWords(String key) {
        return wordsOf(key, Words.Style.LIST);
    }

    private List<Word> wordsOf(String key, Words.Style style) {
        Entry[] entries = effective(key);
        if (entries.length == 0) {
            return Collections.emptyList();
        }
        List<Word> out = new ArrayList<>();
        for (Entry e : entries) {
            List<String> words = split(e, style);
            for (int i = 0; i < words.size(); i++) {
                out.add(new Word(words.get(i), e));
            }
        }
        return out;
    }

    /** COMMAND: the last value split like a command line; empty when unset or unreadable. */
    public Optional<List<String>> command(String key) {
        Entry last = lastOrNull(key);
        if (last == null) {
            return Optional.empty();
        }
        Words.Split s = Words.split(last.value(), Words.Style.EXEC);
        if (!s.ok()) {
            report(last, s.problem().get());
            if (s.problem().get().effect() != Words.Effect.READ_RELAXED) {
                return Optional.empty();
            }
        }
        return Optional.of(s.words());
    }

    /** KEY_VALUE: {@code k=v} words (a bare {@code k} has no value), later keys override, sorted by key. */
    public TreeMap<String, Optional<String>> keyValues(String key) {
        TreeMap<String, Optional<String>> out = new TreeMap<>();
        for (String word : args(key)) {
            int eq = word.indexOf('=');
            if (eq >= 0) {
                out.put(word.substring(0, eq), Optional.of(word.substring(eq + 1)));
            } else {
                out.put(word, Optional.empty());
            }
        }
        return out;
    }

    /** BOOLEAN: true for {@code 1|yes|true|on}, false for {@code 0|no|false|off}; anything else is reported. */
    public Optional<Boolean> bool(String key) {
        Entry last = lastOrNull(key);
        return last == null ? Optional.empty() : Optional.of(boolValue(key, last));
    }

    /** {@link #bool(String)}, {@code fallback} when unset, without boxing. */
    public boolean bool(String key, boolean fallback) {
        Entry last = lastOrNull(key);
        return last == null ? fallback : boolValue(key, last);
    }

    /** The assignment's value as a boolean; a value that is none is reported and reads false. */
    private boolean boolValue(String key, Entry last) {
        String v = value(last).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> {
                problems.add(Diagnostic.error(last.valuePosition(),
                        "'" + key + "' takes a boolean, not \"" + last.value() + "\"",
                        "use true or false"));
                yield false;
            }
        };
    }

    private List<String> split(Entry e, Words.Style style) {
        Words.Split s = Words.split(e.value(), style);
        if (!s.ok()) {
            report(e, s.problem().get());
            if (s.problem().get().effect() != Words.Effect.READ_RELAXED) {
                return List.of();
            }
        }
        return s.words();
    }

    private void report(Entry e, Words.Problem p) {
        Position at = e.valuePosition().atColumn(e.valuePosition().column() + e.value().codePointCount(0, p.offset()));
        if (p.effect() == Words.Effect.READ_RELAXED) {
            problems.add(Diagnostic.warning(at, p.message() + " in the value of '" + e.key() + "': Quadlet 5.4.2 reads "
                    + "it in relaxed mode (an open quote runs to the end of the line, a final backslash is dropped), "
                    + "and so does berth", p.fix()));
            return;
        }
        if (p.unknownEscape()) {
            // Quadlet accepts the file and drops the whole value without a word: the same unit, and a warning.
            problems.add(Diagnostic.warning(at, p.message() + " in the value of '" + e.key() + "': Quadlet 5.4.2 "
                    + "ignores this whole " + e.key() + "= line, and so does berth", p.fix()));
            return;
        }
        problems.add(Diagnostic.error(at, "cannot read the value of '" + e.key() + "': " + p.message(), p.fix()));
    }

    // The same lookups by catalogue key, so that hand-written translation steps name keys by their constants
    // (ContainerKeys.IMAGE) rather than by string literals.

    public boolean has(KeySpec key) {
        return has(key.name());
    }

    public Optional<Entry> lastEntry(KeySpec key) {
        return lastEntry(key.name());
    }

    public Position positionOf(KeySpec key) {
        return positionOf(key.name());
    }

    public Optional<String> single(KeySpec key) {
        return single(key.name());
    }

    public String nonEmpty(KeySpec key) {
        return nonEmpty(key.name());
    }

    public String single(KeySpec key, String fallback) {
        return single(key.name(), fallback);
    }

    public List<String> list(KeySpec key) {
        return list(key.name());
    }

    public List<Entry> entries(KeySpec key) {
        return entries(key.name());
    }

    public List<String> words(KeySpec key) {
        return words(key.name());
    }

    public List<String> args(KeySpec key) {
        return args(key.name());
    }

    public List<Word> argWords(KeySpec key) {
        return argWords(key.name());
    }

    public List<Word> listWords(KeySpec key) {
        return listWords(key.name());
    }

    public Optional<List<String>> command(KeySpec key) {
        return command(key.name());
    }

    public TreeMap<String, Optional<String>> keyValues(KeySpec key) {
        return keyValues(key.name());
    }

    public Optional<Boolean> bool(KeySpec key) {
        return bool(key.name());
    }

    public boolean bool(KeySpec key, boolean fallback) {
        return bool(key.name(), fallback);
    }

    /** Quadlet trims every double quote at either end of a single value: {@code "a"} and {@code ""a""} read {@code a}. */
    static String trimQuotes(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && v.charAt(start) == '"') {
            start++;
        }
        while (end > start && v.charAt(end - 1) == '"') {
            end--;
        }
        return v.substring(start, end);
    }
}
