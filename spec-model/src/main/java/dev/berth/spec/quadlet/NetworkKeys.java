package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Network]}, in the order Quadlet emits their podman arguments. */
final class NetworkKeys {
    static final List<KeySpec> ALL = new KeyTable("Network")
            .build();

    private NetworkKeys() {
    }
}
