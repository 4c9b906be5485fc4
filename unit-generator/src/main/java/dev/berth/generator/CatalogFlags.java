package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import java.util.Optional;

/**
 * Keys that become one podman flag each, declared as tables of {@code key, flag} pairs. Quadlet keeps these
 * tables in Go maps, so its flag order within one table changes from run to run; berth always uses the order
 * of the table as written, which is one of the orders Quadlet produces.
 */
public final class SimpleFlags {

    private SimpleFlags() {
    }

    /** SINGLE keys: {@code flag value} for each key set to a non-empty value. */
    public static void singles(SectionReader section, PodmanCommand podman, String... keyFlagPairs) {
        for (int i = 0; i + 1 < keyFlagPairs.length; i += 2) {
            String v = section.nonEmpty(keyFlagPairs[i]);
            if (v != null) {
                podman.add(keyFlagPairs[i + 1], v);
            }
        }
    }

    /** LIST keys: {@code flag value} for every value, in order. */
    public static void lists(SectionReader section, PodmanCommand podman, String... keyFlagPairs) {
        for (int i = 0; i + 1 < keyFlagPairs.length; i += 2) {
            podman.addEach(keyFlagPairs[i + 1], section.list(keyFlagPairs[i]));
        }
    }

    /** BOOLEAN keys: {@code flag} when true, {@code flag=false} when false, nothing when unset. */
    public static void booleans(SectionReader section, PodmanCommand podman, String... keyFlagPairs) {
        for (int i = 0; i + 1 < keyFlagPairs.length; i += 2) {
            Optional<Boolean> v = section.bool(keyFlagPairs[i]);
            if (v.isPresent()) {
                addBool(podman, keyFlagPairs[i + 1], v.get());
            }
        }
    }

    /** {@code flag} or {@code flag=false}. */
    public static void addBool(PodmanCommand podman, String flag, boolean value) {
        podman.add(value ? flag : flag + "=false");
    }
}
