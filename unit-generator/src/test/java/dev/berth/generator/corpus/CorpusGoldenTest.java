package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Level 1: every corpus case through berth, in-process, compared with the reference output recorded from
 * Quadlet 5.4.2 ({@code reference.*}). No root, no test host: the units are staged at
 * {@code /var/tmp/berth-corpus/<case>}, the path the goldens were recorded from. The rules are {@link CaseCheck}'s.
 *
 * <p>One dynamic test per case, then a summary test that prints "corpus golden: N/M identical" and fails below
 * 100%, declared deviations excepted.
 */
class CorpusGoldenTest {

    /** Target 5.4 against the goldens of Quadlet 5.4.2. */
    @TestFactory
    Stream<DynamicNode> corpus() {
        return corpus(ReferenceVersion.V5_4, "golden.txt");
    }

    /** The default target against the goldens of Quadlet 5.8.6. */
    @TestFactory
    Stream<DynamicNode> corpusLatest() {
        return corpus(ReferenceVersion.V5_8, "golden-5.8.txt");
    }

    private static Stream<DynamicNode> corpus(ReferenceVersion reference, String reportFile) {
        List<CorpusCase> cases = CorpusCase.all(CorpusLocation.corpus(), reference);
        Set<String> anchors = DeviationAnchors.of(CorpusLocation.compatibilityDoc());
        CorpusReport report = new CorpusReport("corpus golden " + reference.label() + " (target "
                + reference.target() + ")");
        Set<String> known = KnownDifferences.of(reference);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("the corpus has cases", () ->
                assertFalse(cases.isEmpty(), "no case under " + CorpusLocation.corpus())));
        for (CorpusCase c : cases) {
            tests.add(dynamicTest(c.name(), () -> {
                CaseResult r = KnownDifferences.apply(run(c, anchors), known);
                report.add(r);
                if (!r.passed()) {
                    fail(CorpusReport.describe(r));
                }
            }));
        }
        tests.add(dynamicTest("summary: every case identical", () -> {
            CorpusRun.publish(report, reportFile, List.of());
            if (!report.failures().isEmpty()) {
                fail(report.summary() + "; " + report.failures().size() + " failing, first: "
                        + report.failures().stream().limit(10).map(CaseResult::name).toList()
                        + " (full report in target/corpus-report/" + reportFile + ")");
            }
        }));
        return tests.stream();
    }

    private static CaseResult run(CorpusCase c, Set<String> anchors) {
        var undocumented = CorpusRun.undocumentedDeviation(c, anchors);
        if (undocumented.isPresent()) {
            // Not a deviation then: it counts, and fails.
            CorpusCase counted = c.withoutDeviation();
            return new CaseResult(counted, List.of(undocumented.get()), List.of());
        }
        if (!c.hasGoldens()) {
            return new CaseResult(c, List.of("no recorded reference output; run record-reference.sh " + c.name()),
                    List.of());
        }
        BerthOutput berth = BerthRun.run(c, c.stage());
        CaseResult result = CaseCheck.check(c, c.golden(), berth);
        if (c.deviation().isPresent()) {
            var drift = DeviationSnapshot.check(c, berth);
            if (drift.isPresent()) {
                // The deviation no longer behaves as documented: it counts, and fails.
                CorpusCase counted = c.withoutDeviation();
                return new CaseResult(counted, List.of(drift.get()), List.of());
            }
        }
        return result;
    }
}
