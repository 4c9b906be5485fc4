package dev.berth.spec.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.QuadletVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BerthConfigTest {

    private static BerthConfig parse(String text) {
        return BerthConfig.parse("/etc/berth/berth.conf", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(BerthConfig c) {
        return c.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void defaultsToTheNewestTarget() {
        assertEquals(QuadletVersion.NEWEST, BerthConfig.defaults().quadletVersion());
        assertEquals(QuadletVersion.NEWEST, parse("").quadletVersion());
        assertEquals(QuadletVersion.NEWEST, parse("[Generator]\n# nothing pinned\n").quadletVersion());
    }

    @Test
    void pinsATarget() {
        BerthConfig c = parse("[Generator]\nQuadletVersion=5.4\nQuadletGenerator=berth\n");
        assertEquals(new QuadletVersion(5, 4), c.quadletVersion());
        assertEquals(Optional.of(BerthConfig.Generator.BERTH), c.quadletGenerator());
        assertFalse(c.hasErrors());
        assertEquals(new QuadletVersion(5, 8), parse("[Generator]\nQuadletVersion=5.8.6\n").quadletVersion());
        assertEquals(Optional.of(BerthConfig.Generator.PODMAN),
                parse("[Generator]\nQuadletGenerator=podman\n").quadletGenerator());
    }

    @Test
    void anUnknownTargetIsAnErrorAtItsValueAndKeepsTheDefault() {
        BerthConfig c = parse("[Generator]\nQuadletVersion=5.3\n");
        assertEquals(QuadletVersion.NEWEST, c.quadletVersion());
        assertEquals(List.of("/etc/berth/berth.conf:2:16: error: QuadletVersion=5.3 is not a Quadlet version berth can"
                + " target; use one of 5.4, 5.5, 5.6, 5.7, 5.8, 6.0 (default 6.0, the newest)"), problems(c));
        assertTrue(parse("[Generator]\nQuadletVersion=latest\n").hasErrors());
        assertTrue(parse("[Generator]\nQuadletVersion=6\n").hasErrors());
    }

    @Test
    void unknownKeysSectionsAndValuesAreErrorsWithPositions() {
        BerthConfig c = parse("[Generator]\nQuadletVersio=5.4\nQuadletGenerator=both\n[Network]\nX=1\n");
        assertEquals(List.of(
                "/etc/berth/berth.conf:2:1: error: unknown key 'QuadletVersio' in [Generator] of berth.conf; did you"
                        + " mean 'QuadletVersion'?",
                "/etc/berth/berth.conf:3:18: error: QuadletGenerator=both is neither berth nor podman; use"
                        + " QuadletGenerator=berth or QuadletGenerator=podman",
                "/etc/berth/berth.conf:4:1: error: unknown section [Network] in berth.conf; berth.conf has one section,"
                        + " [Generator]"), problems(c));
    }
}
