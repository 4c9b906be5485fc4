package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-diff-like excerpt of two unit texts, for reports: {@code -} lines are the reference's, {@code +} lines
 * berth's, with a little context. Lines that {@link UnitComparison#linesEquivalent match} count as equal.
 * Units are small (tens of lines), so a plain longest-common-subsequence table is fine.
 */
public final class LineDiff {

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 40;

    private LineDiff() {
    }

    public static String excerpt(String expected, String actual) {
        List<String> e = UnitComparison.lines(expected);
        List<String> a = UnitComparison.lines(actual);
        int[][] lcs = new int[e.size() + 1][a.size() + 1];
        for (int i = e.size() - 1; i >= 0; i--) {
            for (int j = a.size() - 1; j >= 0; j--) {
                lcs[i][j] = UnitComparison.linesEquivalent(e.get(i), a.get(j))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // The edit script: ' ' same, '-' reference only, '+' berth only.
        List<String> script = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < e.size() || j < a.size()) {
            if (i < e.size() && j < a.size() && UnitComparison.linesEquivalent(e.get(i), a.get(j))) {
                script.add("  " + e.get(i));
                i++;
                j++;
            } else if (i < e.size() && (j == a.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add("- " + e.get(i++));
            } else {
                script.add("+ " + a.get(j++));
            }
        }
        StringBuilder out = new StringBuilder();
        int printed = 0;
        int lastPrinted = -1;
        for (int k = 0; k < script.size() && printed < MAX_LINES; k++) {
            if (!nearChange(script, k)) {
                continue;
            }
            if (lastPrinted >= 0 && k > lastPrinted + 1) {
                out.append("  ...\n");
            }
            out.append(script.get(k)).append('\n');
            lastPrinted = k;
            printed++;
        }
        if (printed == MAX_LINES) {
            out.append("  ... (diff cut)\n");
        }
        return out.toString();
    }

    private static boolean nearChange(List<String> script, int k) {
        for (int d = Math.max(0, k - CONTEXT); d <= Math.min(script.size() - 1, k + CONTEXT); d++) {
            if (script.get(d).charAt(0) != ' ') {
                return true;
            }
        }
        return false;
    }
}
