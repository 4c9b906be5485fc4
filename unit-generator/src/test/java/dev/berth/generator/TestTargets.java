package dev.berth.generator;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import java.util.List;
import java.util.Optional;

/**
 * The target the translator unit tests generate for, unless a test names one: the oldest supported version whose
 * Quadlet knows every key the files use. Most of these tests were written against Quadlet 5.4.2's output and keep
 * checking it (target 5.4); a test of a newer key sees the first version that has it. The newest target is
 * checked against Quadlet 5.8.6 by the corpus, and its behaviours by {@code VersionTargetTest}.
 */
final class TestTargets {

    private TestTargets() {
    }

    static QuadletVersion oldestKnowing(List<UnitFile> files) {
        QuadletVersion target = QuadletVersion.SUPPORTED.get(0);
        for (UnitFile f : files) {
            for (Section s : f.sections()) {
                int yamls = 0;
                for (Entry e : s.entries()) {
                    Optional<KeySpec> k = KeyCatalog.find(s.name(), e.key());
                    if (k.isPresent() && !target.knows(k.get())) {
                        target = QuadletVersion.of(k.get().since());
                    }
                    yamls += s.name().equals("Kube") && e.key().equals("Yaml") ? 1 : 0;
                    target = max(target, behaviourOf(s.name(), e));
                }
                if (yamls > 1) {
                    target = max(target, QuadletVersion.of("5.7")); // several Yaml= are played since 5.7
                }
            }
        }
        return target;
    }

    /** The first version with the behaviour a line plainly tests, or the oldest. */
    private static QuadletVersion behaviourOf(String section, Entry e) {
        if (section.equals("Unit") && java.util.Arrays.stream(e.value().split("\\s+"))
                .anyMatch(w -> dev.berth.spec.quadlet.UnitKind.ofFileName(w).isPresent())) {
            return QuadletVersion.of("5.5"); // Quadlet file names in [Unit] dependencies are translated since 5.5
        }
        if (e.key().equals("Mount") && e.value().contains("type=volume") && !e.value().contains("source=")
                && !e.value().contains("src=")) {
            return QuadletVersion.of("6.0"); // anonymous volume mounts since 6.0
        }
        return QuadletVersion.SUPPORTED.get(0);
    }

    private static QuadletVersion max(QuadletVersion a, QuadletVersion b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
