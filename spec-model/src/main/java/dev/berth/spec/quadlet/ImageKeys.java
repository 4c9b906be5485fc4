package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Image]}, in the order Quadlet emits their podman arguments. */
final class ImageKeys {
    static final List<KeySpec> ALL = new KeyTable("Image")
            .build();

    private ImageKeys() {
    }
}
