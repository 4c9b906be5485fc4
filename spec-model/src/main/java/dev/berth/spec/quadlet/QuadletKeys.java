package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;

import java.util.List;

/** The {@code [Quadlet]} section, valid in every kind of file. */
final class QuadletKeys {
    static final String SECTION = "Quadlet";

    static final List<KeySpec> ALL = new KeyTable(SECTION)
            .key("DefaultDependencies", BOOLEAN, "", "5.3",
                    "false drops the implicit Wants=/After= on network-online.target")
            .build();

    private QuadletKeys() {
    }
}
