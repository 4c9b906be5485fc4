package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;

import java.util.List;

/** The {@code [Quadlet]} section, valid in every kind of file. */
public final class QuadletKeys {
    static final String SECTION = "Quadlet";
    private static final KeyTable T = new KeyTable(SECTION);

    public static final KeySpec DEFAULT_DEPENDENCIES = T.step("DefaultDependencies", BOOLEAN, "", "5.3",
            "false drops the implicit Wants=/After= on network-online.target");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private QuadletKeys() {
    }
}
