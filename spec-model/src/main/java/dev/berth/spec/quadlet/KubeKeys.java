package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Kube]}, in the order Quadlet emits their podman arguments. */
final class KubeKeys {
    static final List<KeySpec> ALL = new KeyTable("Kube")
            .build();

    private KubeKeys() {
    }
}
