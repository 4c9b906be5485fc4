package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.QuadletBehaviour;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every versioned behaviour is described in docs/compatibility.md, under the heading it names. */
class BehaviourAnchorsTest {

    @Test
    void everyBehaviourHasItsHeading() {
        Set<String> anchors = DeviationAnchors.of(CorpusLocation.compatibilityDoc());
        for (QuadletBehaviour b : QuadletBehaviour.values()) {
            assertTrue(anchors.contains(b.anchor()), b + ": no heading '" + b.anchor() + "' in docs/compatibility.md");
        }
    }
}
