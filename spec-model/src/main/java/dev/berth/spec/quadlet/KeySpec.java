package dev.berth.spec.quadlet;

/**
 * The one declaration of a Quadlet key: everything the parser's validation, the translation, the
 * did-you-mean suggestions, the YAML schema and the docs need to know about it.
 *
 * @param section the section it belongs to ({@code Container}, ..., or {@code Quadlet})
 * @param name the key as written in files
 * @param valueKind how its value is read
 * @param podmanArgument the podman argument it becomes, as documentation and for keys translated by table
 *     (for example {@code --hostname}); empty when the key has translation code of its own
 * @param since the Podman version whose Quadlet introduced the key
 * @param description one line for help and docs
 */
public record KeySpec(String section, String name, ValueKind valueKind, String podmanArgument, String since,
                      String description) {

    /** True when Podman 5.4.2's Quadlet (the reference) does not know this key yet. */
    public boolean newerThanReference() {
        return PodmanVersion.compare(since, PodmanVersion.REFERENCE) > 0;
    }
}
