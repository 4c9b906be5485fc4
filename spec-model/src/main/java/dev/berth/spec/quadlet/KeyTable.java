package dev.berth.spec.quadlet;

import java.util.ArrayList;
import java.util.List;

/** A small builder so each kind's keys read as a table, one line per key. */
final class KeyTable {
    private final String section;
    private final List<KeySpec> keys = new ArrayList<>();

    KeyTable(String section) {
        this.section = section;
    }

    KeyTable key(String name, ValueKind kind, String podmanArgument, String since, String description) {
        keys.add(new KeySpec(section, name, kind, podmanArgument, since, description));
        return this;
    }

    List<KeySpec> build() {
        return List.copyOf(keys);
    }
}
