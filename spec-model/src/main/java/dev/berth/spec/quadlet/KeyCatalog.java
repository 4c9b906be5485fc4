package dev.berth.spec.quadlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every Quadlet key berth knows, declared once per kind in the {@code *Keys} tables of this package.
 * Validation, translation, suggestions, the YAML schema and the docs all read this catalogue.
 */
public final class KeyCatalog {

    /** Built on first use, so that {@link #knows} (which does not need it) never pays for all nine tables. */
    private static final class Index {
        static final Map<String, Map<String, KeySpec>> BY_SECTION = index();
    }

    private KeyCatalog() {
    }

    private static Map<String, Map<String, KeySpec>> index() {
        Map<String, Map<String, KeySpec>> out = new LinkedHashMap<>();
        for (List<KeySpec> table : List.of(ContainerKeys.ALL, VolumeKeys.ALL, NetworkKeys.ALL, PodKeys.ALL,
                KubeKeys.ALL, ImageKeys.ALL, BuildKeys.ALL, ArtifactKeys.ALL, QuadletKeys.ALL)) {
            for (KeySpec k : table) {
                Map<String, KeySpec> section = out.computeIfAbsent(k.section(), s -> new LinkedHashMap<>());
                if (section.put(k.name(), k) != null) {
                    throw new IllegalStateException("key declared twice: [" + k.section() + "] " + k.name());
                }
            }
        }
        Map<String, Map<String, KeySpec>> frozen = new LinkedHashMap<>();
        out.forEach((s, m) -> frozen.put(s, java.util.Collections.unmodifiableMap(m)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    public static List<KeySpec> all() {
        List<KeySpec> all = new ArrayList<>();
        Index.BY_SECTION.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** The keys of one section, in declaration order; empty for sections Quadlet does not own. */
    public static List<KeySpec> section(String section) {
        Map<String, KeySpec> m = Index.BY_SECTION.get(section);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    public static boolean ownsSection(String section) {
        return Index.BY_SECTION.containsKey(section);
    }

    public static Optional<KeySpec> find(String section, String key) {
        Map<String, KeySpec> m = Index.BY_SECTION.get(section);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(key));
    }

    /** Whether {@code key} is a key of {@code section}: {@link #find} without an {@code Optional}, for every line read. */
    public static boolean knows(String section, String key) {
        return KeyNames.contains(section, key);
    }

    /**
     * The names {@link #knows} accepts for {@code section} (unmodifiable; empty for a section Quadlet does not
     * own): one table lookup for a whole section's lines instead of one per line.
     */
    public static java.util.Set<String> knownKeys(String section) {
        return KeyNames.of(section);
    }

    public static KeySpec require(String section, String key) {
        return find(section, key).orElseThrow(() -> new IllegalArgumentException("no key [" + section + "] " + key));
    }

    /**
     * A fix for an unknown key: the closest known key of the same section ("did you mean 'PublishPort'?"),
     * or the section where the key does belong.
     */
    public static Optional<String> suggestion(String section, String key) {
        Map<String, KeySpec> m = Index.BY_SECTION.get(section);
        if (m == null) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : m.keySet()) {
            int d = distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, key.length() / 4));
        if (best != null && bestDistance <= allowed) {
            return Optional.of("did you mean '" + best + "'?");
        }
        for (Map.Entry<String, Map<String, KeySpec>> other : Index.BY_SECTION.entrySet()) {
            if (!other.getKey().equals(section) && other.getValue().containsKey(key)) {
                return Optional.of("'" + key + "' is a key of [" + other.getKey() + "], not of [" + section + "]");
            }
        }
        return Optional.empty();
    }

    /**
     * Optimal string alignment distance: edits, with a swap of neighbours counted as one. Public because every
     * did-you-mean in berth (keys here, unit names in the CLI) ranks candidates the same way.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
