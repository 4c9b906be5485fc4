package dev.berth.generator;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.quadlet.ValueKind;
import java.util.List;

/**
 * The keys the catalogue translates by itself ({@link KeySpec#isFlag()}): each becomes its declared podman
 * argument, in declaration order. Quadlet keeps these keys in Go maps, so its flag order within one kind changes
 * from run to run; berth always uses the catalogue's order, which is one of the orders Quadlet produces.
 */
public final class CatalogFlags {

    private CatalogFlags() {
    }

    /**
     * Every flag key of {@code section} that is set: {@code flag value} for a non-empty SINGLE value,
     * {@code flag value} per LIST item, {@code flag} or {@code flag=false} for a BOOLEAN.
     */
    public static void emit(SectionReader reader, PodmanCommand podman, String section) {
        List<KeySpec> flags = KeyCatalog.flags(section);
        for (int i = 0; i < flags.size(); i++) {
            KeySpec k = flags.get(i);
            // if, not a switch over the enum: a switch spins a helper class, outside the generator's AOT cache
            ValueKind kind = k.valueKind();
            if (kind == ValueKind.SINGLE) {
                String v = reader.nonEmpty(k.name());
                if (v != null) {
                    podman.add(k.podmanArgument(), v);
                }
            } else if (kind == ValueKind.LIST) {
                podman.addEach(k.podmanArgument(), reader.list(k.name()));
            } else if (reader.has(k.name())) { // BOOLEAN, as KeySpec guarantees
                addBool(podman, k.podmanArgument(), reader.bool(k.name(), false));
            }
        }
    }

    /** {@code flag} or {@code flag=false}. */
    public static void addBool(PodmanCommand podman, String flag, boolean value) {
        podman.add(value ? flag : flag + "=false");
    }
}
