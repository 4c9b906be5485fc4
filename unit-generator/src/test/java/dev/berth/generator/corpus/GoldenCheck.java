package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a recorded golden still is what the reference does: same exit status, same stderr (after the masking
 * the recorder applies), and the same units, each equal up to the reference's random option order.
 */
public final class GoldenCheck {

    private GoldenCheck() {
    }

    /** The ways the golden differs from the live run; empty when it is current. */
    public static List<String> compare(RunOutput golden, RunOutput live) {
        return compare(golden, live, ReferenceVersion.V5_4);
    }

    public static List<String> compare(RunOutput golden, RunOutput live, ReferenceVersion reference) {
        List<String> problems = new ArrayList<>();
        if (golden.exit() != live.exit()) {
            problems.add("golden exit " + golden.exit() + ", live reference exit " + live.exit());
        }
        String liveErr = LiveReference.normalizeStderr(live.stderr());
        if (!golden.stderr().equals(liveErr)) {
            problems.add("golden stderr differs from the live reference's:\n"
                    + LineDiff.excerpt(golden.stderr(), liveErr));
        }
        Map<String, String> g = UnitBlocks.parse(golden.stdout());
        Map<String, String> l = UnitBlocks.parse(live.stdout());
        if (!g.keySet().equals(l.keySet())) {
            problems.add("golden units " + g.keySet() + ", live reference units " + l.keySet());
        }
        for (Map.Entry<String, String> unit : g.entrySet()) {
            String liveUnit = l.get(unit.getKey());
            if (liveUnit == null) {
                continue;
            }
            UnitComparison.Result r = UnitComparison.compare(unit.getValue(), liveUnit, reference);
            if (!r.matches()) {
                problems.add("golden unit " + unit.getKey() + " is stale: " + r.describe("golden", "live"));
            }
        }
        return problems;
    }
}
