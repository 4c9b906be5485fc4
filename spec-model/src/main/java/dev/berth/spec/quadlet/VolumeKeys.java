package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Volume]}, in the order Quadlet emits their podman arguments. */
final class VolumeKeys {
    static final List<KeySpec> ALL = new KeyTable("Volume")
            .build();

    private VolumeKeys() {
    }
}
