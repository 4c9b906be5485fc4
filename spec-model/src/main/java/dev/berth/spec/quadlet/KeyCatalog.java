package dev.berth.spec.quadlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every Quadlet key berth knows, declared once per kind in the {@code *Keys} tables of this package.
 * Validation, translation, suggestions, the YAML schema and the docs all read this catalogue.
 */
public final class KeyCatalog {

    /** Every table, in the catalogue's order: built on first use, by the callers that need all nine. */
    private static final class All {
        static final List<KeySpec> KEYS = all(ContainerKeys.ALL, VolumeKeys.ALL, NetworkKeys.ALL, PodKeys.ALL,
                KubeKeys.ALL, ImageKeys.ALL, BuildKeys.ALL, ArtifactKeys.ALL, QuadletKeys.ALL);
        static final List<String> SECTIONS = KEYS.stream().map(KeySpec::section).distinct().toList();

        @SafeVarargs
        private static List<KeySpec> all(List<KeySpec>... tables) {
            List<KeySpec> out = new ArrayList<>();
            for (List<KeySpec> t : tables) {
                out.addAll(t);
            }
            return List.copyOf(out);
        }
    }

    private KeyCatalog() {
    }

    /**
     * The table of one section. Only that table's class is initialised: checking a {@code .container} file builds
     * the {@code [Container]} and {@code [Quadlet]} tables, not those of the seven other kinds.
     */
    private static SectionKeys table(String section) {
        return switch (section) {
            case "Container" -> ContainerKeys.INDEX;
            case "Volume" -> VolumeKeys.INDEX;
            case "Network" -> NetworkKeys.INDEX;
            case "Pod" -> PodKeys.INDEX;
            case "Kube" -> KubeKeys.INDEX;
            case "Image" -> ImageKeys.INDEX;
            case "Build" -> BuildKeys.INDEX;
            case "Artifact" -> ArtifactKeys.INDEX;
            case QuadletKeys.SECTION -> QuadletKeys.INDEX;
            default -> SectionKeys.NONE;
        };
    }

    /** Every key, section by section (the kinds in {@link UnitKind} order, then {@code [Quadlet]}). */
    public static List<KeySpec> all() {
        return All.KEYS;
    }

    /** The sections Quadlet owns, in the catalogue's order. */
    public static List<String> sections() {
        return All.SECTIONS;
    }

    /** The keys of one section, in declaration order; empty for sections Quadlet does not own. */
    public static List<KeySpec> section(String section) {
        return table(section).keys();
    }

    /**
     * The keys of {@code section} that the generator emits from the catalogue ({@link KeySpec#isFlag()}), in
     * declaration order, which is the order their flags appear on the podman command line.
     */
    public static List<KeySpec> flags(String section) {
        return table(section).flags();
    }

    public static boolean ownsSection(String section) {
        return table(section) != SectionKeys.NONE;
    }

    public static Optional<KeySpec> find(String section, String key) {
        return Optional.ofNullable(table(section).get(key));
    }

    /** Whether {@code key} is a key of {@code section}: {@link #find} without an {@code Optional}, for every line read. */
    public static boolean knows(String section, String key) {
        return table(section).get(key) != null;
    }

    /**
     * The names {@link #knows} accepts for {@code section} (unmodifiable; empty for a section Quadlet does not
     * own): one table lookup for a whole section's lines instead of one per line.
     */
    public static java.util.Set<String> knownKeys(String section) {
        return table(section).names();
    }

    public static KeySpec require(String section, String key) {
        return find(section, key).orElseThrow(() -> new IllegalArgumentException("no key [" + section + "] " + key));
    }

    /**
     * A fix for an unknown key: the closest known key of the same section ("did you mean 'PublishPort'?"),
     * or the section where the key does belong.
     */
    public static Optional<String> suggestion(String section, String key) {
        if (!ownsSection(section)) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (KeySpec spec : section(section)) {
            String known = spec.name();
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
        for (String other : sections()) {
            if (!other.equals(section) && knows(other, key)) {
                return Optional.of("'" + key + "' is a key of [" + other + "], not of [" + section + "]");
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
