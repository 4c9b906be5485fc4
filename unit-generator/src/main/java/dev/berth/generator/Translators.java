package dev.berth.generator;

import dev.berth.spec.quadlet.UnitKind;

/** The translator of each kind. */
final class Translators {
    private Translators() {
    }

    static Translator of(UnitKind kind) {
        return switch (kind) {
            case CONTAINER -> new ContainerTranslator();
            case VOLUME -> new VolumeTranslator();
            case NETWORK -> new NetworkTranslator();
            case POD -> new PodTranslator();
            case KUBE -> new KubeTranslator();
            case IMAGE -> new ImageTranslator();
            case BUILD -> new BuildTranslator();
            case ARTIFACT -> new ArtifactTranslator();
        };
    }
}
