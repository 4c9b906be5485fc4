package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Container]}, in the order Quadlet emits their podman arguments. */
final class ContainerKeys {
    static final List<KeySpec> ALL = new KeyTable("Container")
            .build();

    private ContainerKeys() {
    }
}
