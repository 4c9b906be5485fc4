package dev.berth.spec.quadlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One section's keys, looked up by name, and its {@link KeySpec.Translation#FLAG} keys in declaration order.
 * Each table builds its own when its class is first used, so checking a {@code .container} file never builds
 * the tables of the seven other kinds: the generator pays for every table it builds at every boot.
 */
final class SectionKeys {
    private final List<KeySpec> keys;
    private final Map<String, KeySpec> byName;
    private final List<KeySpec> flags;

    SectionKeys(List<KeySpec> keys) {
        this.keys = keys;
        Map<String, KeySpec> names = new HashMap<>();
        for (KeySpec k : keys) {
            if (names.put(k.name(), k) != null) {
                throw new IllegalStateException("key declared twice: [" + k.section() + "] " + k.name());
            }
        }
        this.byName = Map.copyOf(names);
        // A loop, not a stream: built while the generator starts, where every lambda costs start-up time.
        List<KeySpec> flagKeys = new java.util.ArrayList<>();
        for (KeySpec k : keys) {
            if (k.isFlag()) {
                flagKeys.add(k);
            }
        }
        this.flags = List.copyOf(flagKeys);
    }

    static final SectionKeys NONE = new SectionKeys(List.of());

    List<KeySpec> keys() {
        return keys;
    }

    KeySpec get(String name) {
        return byName.get(name);
    }

    java.util.Set<String> names() {
        return byName.keySet();
    }

    List<KeySpec> flags() {
        return flags;
    }
}
