package dev.berth.generator.corpus;

import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges berth's output for a case against the reference's, by the rules of the corpus:
 * <ul>
 * <li>{@code reference=accepts}: every unit the reference printed is in berth's output and matches it
 *     ({@link UnitComparison}), berth prints no unit the reference did not, and berth reports no error.</li>
 * <li>{@code reference=partial|rejects}: every file the reference failed on (its stderr names them) gets at
 *     least one berth error positioned in that file, or in a drop-in of it, with a line number where the problem
 *     is on a line; the units the reference did print are in berth's output and match. Extra units are allowed and
 *     noted: Quadlet drops every unit of a directory in which one file fails to parse, berth does not.</li>
 * </ul>
 * The check also guards the case itself: the recorded exit status must agree with the declared expectation.
 */
public final class CaseCheck {

    private CaseCheck() {
    }

    public static CaseResult check(CorpusCase c, RunOutput reference, BerthOutput berth) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean accepts = c.expectation() == CorpusCase.Expectation.ACCEPTS;

        if (accepts && reference.exit() != 0) {
            problems.add("case declares reference=accepts, but the reference exited " + reference.exit()
                    + firstLines(reference.stderr()));
        }
        if (!accepts && reference.exit() == 0) {
            problems.add("case declares reference=" + c.expectation().name().toLowerCase(java.util.Locale.ROOT)
                    + ", but the reference exited 0");
        }

        Map<String, String> expected = UnitBlocks.parse(reference.stdout());
        Map<String, String> actual = UnitBlocks.parse(berth.stdout());
        for (Map.Entry<String, String> unit : expected.entrySet()) {
            String mine = actual.get(unit.getKey());
            if (mine == null) {
                problems.add("unit " + unit.getKey() + ": the reference generated it, berth did not"
                        + errorsSuffix(berth.errors()));
                continue;
            }
            UnitComparison.Result r = UnitComparison.compare(unit.getValue(), mine, c.reference());
            if (!r.matches()) {
                problems.add("unit " + unit.getKey() + ": " + r.describe() + "\n"
                        + LineDiff.excerpt(unit.getValue(), mine));
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                String msg = "unit " + name + ": berth generated it, the reference did not";
                if (accepts) {
                    problems.add(msg);
                } else {
                    notes.add(msg);
                }
            }
        }

        if (accepts) {
            for (Diagnostic d : berth.errors()) {
                problems.add("berth reported an error the reference does not: " + d.format());
            }
        } else {
            List<ReferenceFailure> failures = ReferenceFailure.parse(reference.stderr());
            if (failures.isEmpty() && ReferenceFailure.crashed(reference.stderr())) {
                // A Go panic names no file; whatever crashed it, berth must have rejected something.
                if (berth.errors().isEmpty()) {
                    problems.add("the reference crashed (" + ReferenceFailure.panicMessage(reference.stderr())
                            + "); berth reported no error at all");
                }
            } else if (failures.isEmpty() && reference.exit() != 0) {
                problems.add("cannot tell from the reference's stderr which file failed:" + firstLines(reference.stderr()));
            }
            for (ReferenceFailure f : failures) {
                List<Diagnostic> about = berth.errors().stream().filter(d -> f.concerns(d.position().file())).toList();
                if (about.isEmpty()) {
                    problems.add("the reference failed on " + f.file() + " (" + f.message()
                            + "); berth reported no error in that file" + errorsSuffix(berth.errors()));
                } else if (f.hasLine() && about.stream().noneMatch(d -> d.position().line() > 0)) {
                    problems.add("the reference failed on " + f.file() + " (" + f.message()
                            + "); berth's error has no line: " + about.get(0).format());
                }
            }
        }
        if (!problems.isEmpty() && c.newerThanReference() && c.deviation().isEmpty()) {
            problems.add("this case is newer-than-reference: its goldens show what 5.4.2 does; if berth's output is"
                    + " the documented newer behaviour, declare deviation=<anchor> (a heading of docs/compatibility.md)");
        }
        return new CaseResult(c, problems, notes);
    }

    private static String errorsSuffix(List<Diagnostic> errors) {
        if (errors.isEmpty()) {
            return " (berth reported no errors)";
        }
        StringBuilder sb = new StringBuilder(" (berth's errors:");
        errors.stream().limit(5).forEach(d -> sb.append("\n    ").append(d.format()));
        return sb.append(")").toString();
    }

    private static String firstLines(String text) {
        String[] lines = text.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, lines.length); i++) {
            sb.append("\n    ").append(lines[i]);
        }
        return sb.toString();
    }
}
