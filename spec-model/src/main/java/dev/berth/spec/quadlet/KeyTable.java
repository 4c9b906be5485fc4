package dev.berth.spec.quadlet;

import java.util.ArrayList;
import java.util.List;

/**
 * A small builder so each kind's keys read as a table, one line per key: {@link #flag} for a key the generator
 * emits from its declaration, {@link #step} for a key with a translation step of its own. Declaration order is
 * the order of {@link #build()}, and the order in which a section's flags are emitted.
 */
final class KeyTable {
    private final String section;
    private final List<KeySpec> keys = new ArrayList<>();

    KeyTable(String section) {
        this.section = section;
    }

    /** A key translated by a step of its own, added fluently (the tables that declare no constants). */
    KeyTable key(String name, ValueKind kind, String podmanArgument, String since, String description) {
        step(name, kind, podmanArgument, since, description);
        return this;
    }

    /** A key translated by a step of its own; returned, for the table's typed constant. */
    KeySpec step(String name, ValueKind kind, String podmanArgument, String since, String description) {
        return add(new KeySpec(section, name, kind, podmanArgument, since, description, KeySpec.Translation.STEP));
    }

    /** A key the generator emits from this line alone ({@link KeySpec.Translation#FLAG}). */
    KeySpec flag(String name, ValueKind kind, String podmanArgument, String since, String description) {
        return add(new KeySpec(section, name, kind, podmanArgument, since, description, KeySpec.Translation.FLAG));
    }

    private KeySpec add(KeySpec k) {
        keys.add(k);
        return k;
    }

    List<KeySpec> build() {
        return List.copyOf(keys);
    }
}
