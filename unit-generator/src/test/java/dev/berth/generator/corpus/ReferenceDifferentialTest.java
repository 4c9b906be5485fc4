package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Level 2: every corpus case through the LIVE reference Quadlet 5.4.2 (test-host rootfs, see {@link LiveReference})
 * and through berth, compared by {@link CaseCheck}'s rules. Each case also checks that its recorded goldens are still
 * what the reference prints ({@link GoldenCheck}), so the level-1 suite cannot drift from the reference.
 *
 * <p>Run with {@code mvn -Pdifferential -pl unit-generator test -Dberth.testhost.rootfs=<rootfs>} (as root), or
 * {@code ./test.sh}. Without the rootfs property this fails; it never skips.
 */
@Tag("differential")
class ReferenceDifferentialTest {

    /** Target 5.4 against the live Quadlet 5.4.2. */
    @TestFactory
    Stream<DynamicNode> differential() {
        return differential(ReferenceVersion.V5_4, "differential.txt");
    }

    /** The default target against the live Quadlet 5.8.6. */
    @TestFactory
    Stream<DynamicNode> differentialLatest() {
        return differential(ReferenceVersion.V5_8, "differential-5.8.txt");
    }

    private static Stream<DynamicNode> differential(ReferenceVersion version, String reportFile) {
        LiveReference reference = LiveReference.configured(version);
        List<CorpusCase> cases = CorpusCase.all(CorpusLocation.corpus(), version);
        Set<String> anchors = DeviationAnchors.of(CorpusLocation.compatibilityDoc());
        CorpusReport report = new CorpusReport("differential " + version.label() + " (target " + version.target()
                + ")");
        Map<String, List<String>> staleGoldens = new ConcurrentHashMap<>();
        Set<String> known = KnownDifferences.of(version);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("the corpus has cases", () ->
                assertFalse(cases.isEmpty(), "no case under " + CorpusLocation.corpus())));
        for (CorpusCase c : cases) {
            tests.add(dynamicTest(c.name(), () -> {
                CaseResult r = KnownDifferences.apply(run(reference, c, anchors, staleGoldens), known);
                report.add(r);
                List<String> stale = staleGoldens.getOrDefault(c.name(), List.of());
                if (!r.passed() || !stale.isEmpty()) {
                    StringBuilder msg = new StringBuilder(r.passed() ? "" : CorpusReport.describe(r));
                    stale.forEach(s -> msg.append("  * ").append(s.replace("\n", "\n    ")).append('\n'));
                    fail(msg.toString());
                }
            }));
        }
        tests.add(dynamicTest("summary: every case identical, every golden current", () -> {
            long current = cases.size() - staleGoldens.size();
            List<String> extra = new ArrayList<>();
            extra.add("goldens: " + current + "/" + cases.size() + " match the live reference"
                    + (staleGoldens.isEmpty() ? "" : "; stale: " + staleGoldens.keySet().stream().sorted().limit(20).toList()));
            CorpusRun.publish(report, reportFile, extra);
            if (!report.failures().isEmpty() || !staleGoldens.isEmpty()) {
                fail(report.summary() + "; " + extra.get(0) + "; " + report.failures().size() + " failing, first: "
                        + report.failures().stream().limit(10).map(CaseResult::name).toList()
                        + " (full report in target/corpus-report/" + reportFile + ")");
            }
        }));
        return tests.stream();
    }

    private static CaseResult run(LiveReference reference, CorpusCase c, Set<String> anchors,
                                  Map<String, List<String>> staleGoldens) {
        var staged = c.stage();
        RunOutput live = reference.run(staged, c.user());
        if (c.hasGoldens()) {
            List<String> stale = GoldenCheck.compare(c.golden(), live, c.reference());
            if (!stale.isEmpty()) {
                staleGoldens.put(c.name(), stale);
            }
        } else {
            staleGoldens.put(c.name(), List.of("no recorded reference output; run record-reference.sh " + c.name()));
        }
        Optional<String> undocumented = CorpusRun.undocumentedDeviation(c, anchors);
        if (undocumented.isPresent()) {
            CorpusCase counted = c.withoutDeviation();
            return new CaseResult(counted, List.of(undocumented.get()), List.of());
        }
        // berth reads the same staged directory the reference just read.
        return CaseCheck.check(c, live, BerthRun.run(c, staged));
    }
}
