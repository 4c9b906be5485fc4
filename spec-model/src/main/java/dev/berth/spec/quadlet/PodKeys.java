package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Pod]}, in the order Quadlet emits their podman arguments. */
final class PodKeys {
    static final List<KeySpec> ALL = new KeyTable("Pod")
            .build();

    private PodKeys() {
    }
}
