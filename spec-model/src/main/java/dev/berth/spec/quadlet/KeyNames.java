package dev.berth.spec.quadlet;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The key names of each section, each set built the first time that section is asked about (the JVM's lazy class
 * initialisation, nothing mutable). Checking the keys of a {@code .container} file then builds only the
 * {@code [Container]} and {@code [Quadlet]} tables, not those of the seven other kinds: the generator pays for
 * every table it builds at every boot. Answers exactly as {@link KeyCatalog#find} does.
 */
final class KeyNames {

    private KeyNames() {
    }

    static boolean contains(String section, String key) {
        return of(section).contains(key);
    }

    /** The key names of {@code section} (unmodifiable), empty for a section Quadlet does not own. */
    static Set<String> of(String section) {
        return switch (section) {
            case "Container" -> ContainerNames.SET;
            case "Volume" -> VolumeNames.SET;
            case "Network" -> NetworkNames.SET;
            case "Pod" -> PodNames.SET;
            case "Kube" -> KubeNames.SET;
            case "Image" -> ImageNames.SET;
            case "Build" -> BuildNames.SET;
            case "Artifact" -> ArtifactNames.SET;
            case QuadletKeys.SECTION -> QuadletNames.SET;
            default -> Set.of();
        };
    }

    private static Set<String> names(List<KeySpec> table) {
        Set<String> names = new HashSet<>();
        for (KeySpec k : table) {
            names.add(k.name());
        }
        return Collections.unmodifiableSet(names);
    }

    private static final class ContainerNames {
        static final Set<String> SET = names(ContainerKeys.ALL);
    }

    private static final class VolumeNames {
        static final Set<String> SET = names(VolumeKeys.ALL);
    }

    private static final class NetworkNames {
        static final Set<String> SET = names(NetworkKeys.ALL);
    }

    private static final class PodNames {
        static final Set<String> SET = names(PodKeys.ALL);
    }

    private static final class KubeNames {
        static final Set<String> SET = names(KubeKeys.ALL);
    }

    private static final class ImageNames {
        static final Set<String> SET = names(ImageKeys.ALL);
    }

    private static final class BuildNames {
        static final Set<String> SET = names(BuildKeys.ALL);
    }

    private static final class ArtifactNames {
        static final Set<String> SET = names(ArtifactKeys.ALL);
    }

    private static final class QuadletNames {
        static final Set<String> SET = names(QuadletKeys.ALL);
    }
}
