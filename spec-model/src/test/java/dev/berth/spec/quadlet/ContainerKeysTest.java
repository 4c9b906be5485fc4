package dev.berth.spec.quadlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerKeysTest {

    @Test
    void theCatalogueServesTheTable() {
        assertEquals(ContainerKeys.ALL, KeyCatalog.section("Container"));
        assertTrue(ContainerKeys.ALL.stream().allMatch(k -> k.section().equals("Container")));
    }

    @Test
    void everyKeyHasAVersionAndADescription() {
        for (KeySpec k : ContainerKeys.ALL) {
            assertTrue(k.since().matches("[45]\\.\\d+"), k.name() + " since " + k.since());
            assertTrue(PodmanVersion.compare(k.since(), "4.4") >= 0, k.name());
            assertFalse(k.description().isBlank(), k.name());
            assertTrue(k.description().length() <= 100, k.name() + " has a long description");
        }
    }

    @Test
    void tableIsInEmissionOrder() {
        List<String> names = ContainerKeys.ALL.stream().map(KeySpec::name).toList();
        // podman [modules] [global args] run --name ... <image> [exec], then the reload keys.
        assertTrue(names.indexOf("GlobalArgs") < names.indexOf("ContainerName"));
        assertTrue(names.indexOf("Network") < names.indexOf("Notify"));
        assertTrue(names.indexOf("DropCapability") < names.indexOf("AddCapability"));
        assertTrue(names.indexOf("PodmanArgs") < names.indexOf("Image"));
        assertTrue(names.indexOf("Image") < names.indexOf("Exec"));
        assertTrue(names.indexOf("Exec") < names.indexOf("ReloadCmd"));
    }

    @Test
    void suggestsTheClosestKey() {
        assertEquals("did you mean 'PublishPort'?", KeyCatalog.suggestion("Container", "PublishPorts").orElseThrow());
        assertEquals("did you mean 'Environment'?", KeyCatalog.suggestion("Container", "Enviroment").orElseThrow());
        assertEquals("did you mean 'DefaultDependencies'?",
                KeyCatalog.suggestion("Quadlet", "DefaultDependency").orElseThrow());
    }
}
