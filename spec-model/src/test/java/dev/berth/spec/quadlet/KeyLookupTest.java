package dev.berth.spec.quadlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyLookupTest {

    @Test
    void knowsExactlyTheCatalogueKeys() {
        for (KeySpec k : KeyCatalog.all()) {
            assertTrue(KeyCatalog.knows(k.section(), k.name()), k.section() + " " + k.name());
            // Every other section that does not declare the same name must not know it.
            for (UnitKind kind : UnitKind.values()) {
                assertEquals(KeyCatalog.find(kind.section(), k.name()).isPresent(),
                        KeyCatalog.knows(kind.section(), k.name()), kind.section() + " " + k.name());
            }
            assertEquals(KeyCatalog.find("Quadlet", k.name()).isPresent(), KeyCatalog.knows("Quadlet", k.name()));
        }
        assertFalse(KeyCatalog.knows("Container", "PublishPorts"));
        assertFalse(KeyCatalog.knows("Container", "image"));
        assertFalse(KeyCatalog.knows("Service", "Restart"));
        assertFalse(KeyCatalog.knows("Unit", "Description"));
    }
}
