package dev.berth.spec.systemd;

import dev.berth.spec.quadlet.KeyCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The directives systemd 257 reads in {@code [Unit]}, {@code [Service]} and {@code [Install]}, each with systemd's
 * own label for its value ({@code BOOLEAN}, {@code SECONDS}, {@code SERVICERESTART}, ...). The table is data taken
 * from systemd itself ({@code systemd --dump-configuration-items}, see
 * {@code packaging/testhost/systemd-directives.sh}), so a new systemd is one regenerated file, not code.
 */
public final class SystemdDirectives {

    /** The sections systemd reads from a service's unit file that berth checks. */
    public static final java.util.List<String> SECTIONS = java.util.List.of("Unit", "Service", "Install");

    private static final String RESOURCE = "directives-257.txt";

    private final Map<String, Map<String, String>> bySection;

    private SystemdDirectives(Map<String, Map<String, String>> bySection) {
        this.bySection = bySection;
    }

    /** The table, read once per call: only {@code berth check} and {@code berth generate} ask for it. */
    public static SystemdDirectives load() {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        try (InputStream in = SystemdDirectives.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                table.computeIfAbsent(parts[0], s -> new LinkedHashMap<>()).put(parts[1], parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.replaceAll((s, m) -> Collections.unmodifiableMap(m));
        return new SystemdDirectives(Collections.unmodifiableMap(table));
    }

    /** systemd's label for the value of {@code [section] key}; empty when systemd does not know the key. */
    public Optional<String> valueLabel(String section, String key) {
        Map<String, String> keys = bySection.get(section);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
    }

    public boolean knowsSection(String section) {
        return bySection.containsKey(section);
    }

    /** "did you mean 'Description'?" for {@code Descripton}, ranked as every did-you-mean in berth. */
    public Optional<String> suggestion(String section, String key) {
        Map<String, String> keys = bySection.getOrDefault(section, Map.of());
        Optional<String> best = Closest.among(key, keys.keySet());
        if (best.isPresent()) {
            return Optional.of("did you mean '" + best.get() + "'?");
        }
        for (Map.Entry<String, Map<String, String>> other : bySection.entrySet()) {
            if (!other.getKey().equals(section) && other.getValue().containsKey(key)) {
                return Optional.of("'" + key + "' belongs in [" + other.getKey() + "]");
            }
        }
        return Optional.empty();
    }

    /** The closest candidate within berth's usual distance, compared without case. */
    static final class Closest {
        private Closest() {
        }

        static Optional<String> among(String typed, Iterable<String> candidates) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            String t = typed.toLowerCase(Locale.ROOT);
            for (String c : candidates) {
                int d = KeyCatalog.distance(t, c.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
            int allowed = Math.max(1, Math.min(3, typed.length() / 4));
            return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
        }
    }
}
