package dev.berth.spec.quadlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuadletVersionTest {

    @Test
    void parsesMinorAndPatchReleases() {
        assertEquals(Optional.of(new QuadletVersion(5, 4)), QuadletVersion.parse("5.4"));
        assertEquals(Optional.of(new QuadletVersion(5, 8)), QuadletVersion.parse(" 5.8.6 "));
        assertEquals(Optional.empty(), QuadletVersion.parse("5"));
        assertEquals(Optional.empty(), QuadletVersion.parse("5.x"));
        assertEquals(Optional.empty(), QuadletVersion.parse("5.4.2.1"));
        assertEquals(Optional.empty(), QuadletVersion.parse(""));
    }

    @Test
    void theNewestSupportedIsTheDefault() {
        assertEquals(QuadletVersion.SUPPORTED.get(QuadletVersion.SUPPORTED.size() - 1), QuadletVersion.NEWEST);
        assertTrue(QuadletVersion.SUPPORTED.stream().allMatch(QuadletVersion::isSupported));
        assertFalse(new QuadletVersion(5, 3).isSupported());
    }

    @Test
    void aTargetKnowsTheKeysAndBehavioursOfItsMinorRelease() {
        QuadletVersion v54 = new QuadletVersion(5, 4);
        QuadletVersion v58 = new QuadletVersion(5, 8);
        KeySpec memory = KeyCatalog.require("Container", "Memory");
        assertFalse(v54.knows(memory));
        assertTrue(v58.knows(memory));
        assertTrue(v54.knows(KeyCatalog.require("Container", "Image")));
        // A behaviour of a patch release (5.8.2) belongs to its minor release.
        assertTrue(v58.has(QuadletBehaviour.EMPTY_ENTRYPOINT));
        assertFalse(new QuadletVersion(5, 7).has(QuadletBehaviour.EMPTY_ENTRYPOINT));
        assertFalse(v58.has(QuadletBehaviour.POD_KEEPS_RESTART));
        assertTrue(QuadletVersion.NEWEST.has(QuadletBehaviour.POD_KEEPS_RESTART));
    }

    @Test
    void everyVersionIsOneBerthCanTarget() {
        for (KeySpec k : KeyCatalog.all()) {
            // Keys older than the oldest target are known by every target.
            assertTrue(QuadletVersion.of(k.since()).compareTo(QuadletVersion.NEWEST) <= 0, k.toString());
        }
        for (QuadletBehaviour b : QuadletBehaviour.values()) {
            assertTrue(QuadletVersion.of(b.since()).isSupported(), b + " since " + b.since());
            assertFalse(b.anchor().isBlank());
        }
    }
}
