package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Build]}, in the order Quadlet emits their podman arguments. */
final class BuildKeys {
    static final List<KeySpec> ALL = new KeyTable("Build")
            .build();

    private BuildKeys() {
    }
}
