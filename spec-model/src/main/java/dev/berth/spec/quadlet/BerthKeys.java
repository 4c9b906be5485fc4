package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * berth's own keys, in a section of a {@code .container} file that Quadlet ignores: Quadlet 5.4.2 copies an
 * {@code [X-Berth]} section into the generated unit unchanged (verified with the reference binary), and systemd
 * ignores every section whose name starts with {@code X-}. So a file with these keys still works with Quadlet;
 * only berth acts on them. Kept out of {@link KeyCatalog}, which lists exactly the keys Quadlet itself knows.
 */
public final class BerthKeys {

    public static final String SECTION = "X-Berth";

    /** {@code since} is berth's version that added the key, not a Podman version. */
    public static final List<KeySpec> ALL = List.of(
            new KeySpec(SECTION, "CheckpointOnStop", BOOLEAN, "", "0",
                    "true: every stop of the unit (systemctl stop, shutdown) checkpoints the container first "
                            + "(CRIU, into /var/lib/berth/checkpoints/UNIT/); root only"),
            new KeySpec(SECTION, "RestoreOnStart", SINGLE, "", "0",
                    "latest: every start restores the newest checkpoint if there is one, and starts fresh if the "
                            + "restore fails; no (the default): always start fresh; root only"));

    /** The values {@code RestoreOnStart=} accepts. */
    public static final Set<String> RESTORE_VALUES = Set.of("latest", "no");

    private BerthKeys() {
    }

    public static Optional<KeySpec> find(String key) {
        return ALL.stream().filter(k -> k.name().equals(key)).findFirst();
    }

    public static Set<String> names() {
        return ALL.stream().map(KeySpec::name).collect(Collectors.toUnmodifiableSet());
    }
}
