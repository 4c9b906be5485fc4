package dev.berth.spec.quadlet;

/**
 * The one declaration of a Quadlet key: everything the parser's validation, the translation, the
 * did-you-mean suggestions, the YAML schema and the docs need to know about it.
 *
 * @param section the section it belongs to ({@code Container}, ..., or {@code Quadlet})
 * @param name the key as written in files
 * @param valueKind how its value is read
 * @param podmanArgument the podman argument it becomes (for example {@code --hostname}); for a
 *     {@link Translation#FLAG} key the generator emits exactly this flag, otherwise it documents what the key's
 *     translation step writes; empty when the key becomes no single argument
 * @param since the Podman version whose Quadlet introduced the key
 * @param description one line for help and docs
 * @param translation whether the generator emits the key from this declaration or in a step of its own
 */
public record KeySpec(String section, String name, ValueKind valueKind, String podmanArgument, String since,
                      String description, Translation translation) {

    /** How the generator turns a key into podman arguments. */
    public enum Translation {
        /**
         * From the catalogue alone: {@code podmanArgument value} for a set {@link ValueKind#SINGLE} key (empty
         * values are skipped), one {@code podmanArgument value} per item of a {@link ValueKind#LIST} key,
         * {@code podmanArgument} or {@code podmanArgument=false} for a {@link ValueKind#BOOLEAN} key. A section's
         * flag keys are emitted together, in declaration order.
         */
        FLAG,
        /** By a hand-written step of the kind's translator (values that are checked, resolved or combined). */
        STEP
    }

    public KeySpec {
        if (translation == Translation.FLAG && (podmanArgument.isEmpty() || !(valueKind == ValueKind.SINGLE
                || valueKind == ValueKind.LIST || valueKind == ValueKind.BOOLEAN))) {
            throw new IllegalArgumentException("[" + section + "] " + name
                    + ": a catalogue flag needs a podman argument and a SINGLE, LIST or BOOLEAN value");
        }
    }

    /** A key translated by a step of its own ({@link Translation#STEP}). */
    public KeySpec(String section, String name, ValueKind valueKind, String podmanArgument, String since,
                   String description) {
        this(section, name, valueKind, podmanArgument, since, description, Translation.STEP);
    }

    /** True when Podman 5.4.2's Quadlet (the oldest reference) does not know this key yet. */
    public boolean newerThanReference() {
        return PodmanVersion.compare(since, PodmanVersion.REFERENCE) > 0;
    }

    /** True when the generator emits this key from the catalogue ({@link Translation#FLAG}). */
    public boolean isFlag() {
        return translation == Translation.FLAG;
    }

    /** {@code [Section] Name=}, as messages name a key. */
    @Override
    public String toString() {
        return "[" + section + "] " + name + "=";
    }
}
