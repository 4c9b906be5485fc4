package dev.berth.spec.quadlet;

import java.util.List;

/** The keys of {@code [Artifact]}, in the order Quadlet emits their podman arguments. */
final class ArtifactKeys {
    static final List<KeySpec> ALL = new KeyTable("Artifact")
            .build();

    private ArtifactKeys() {
    }
}
