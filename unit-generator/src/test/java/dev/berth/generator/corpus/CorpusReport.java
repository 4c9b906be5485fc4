package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a corpus run, for people: "N/M identical", one status line per case, then every mismatch with
 * a diff excerpt. Declared deviations are counted apart, neither identical nor failing.
 */
public final class CorpusReport {

    private final String label;
    private final List<CaseResult> results = new ArrayList<>();

    public CorpusReport(String label) {
        this.label = label;
    }

    public synchronized void add(CaseResult r) {
        results.add(r);
    }

    public synchronized List<CaseResult> results() {
        return List.copyOf(results);
    }

    public synchronized long identical() {
        return results.stream().filter(r -> r.status() == CaseResult.Status.IDENTICAL).count();
    }

    /** Cases that count: all but declared deviations. */
    public synchronized long counted() {
        return results.stream().filter(r -> r.status() != CaseResult.Status.DEVIATION).count();
    }

    public synchronized long deviations() {
        return results.size() - counted();
    }

    public synchronized List<CaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public synchronized long known() {
        return results.stream().filter(r -> r.status() == CaseResult.Status.KNOWN).count();
    }

    /** {@code <label>: N/M identical (D documented deviations[, K known differences not yet ported])}. */
    public String summary() {
        long k = known();
        return label + ": " + identical() + "/" + counted() + " identical (" + deviations() + " documented deviations"
                + (k == 0 ? "" : ", " + k + " known differences not yet ported") + ")";
    }

    public synchronized String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary()).append('\n');
        for (CaseResult r : results) {
            sb.append(String.format("  %-9s %s", r.status(), r.name()));
            r.corpusCase().deviation().ifPresent(d -> sb.append("  (deviation: ").append(d).append(')'));
            if (!r.problems().isEmpty() && r.status() != CaseResult.Status.DEVIATION) {
                sb.append("  [").append(r.problems().size()).append(" problem(s)]");
            }
            sb.append('\n');
        }
        List<CaseResult> failed = failures();
        if (!failed.isEmpty()) {
            sb.append("\nMismatches:\n");
            for (CaseResult r : failed) {
                sb.append(describe(r));
            }
        }
        List<CaseResult> known = results.stream().filter(r -> r.status() == CaseResult.Status.KNOWN).toList();
        if (!known.isEmpty()) {
            sb.append("\nKnown differences, not yet ported (not failures):\n");
            for (CaseResult r : known) {
                sb.append(describe(r));
            }
        }
        List<CaseResult> deviating = results.stream()
                .filter(r -> r.status() == CaseResult.Status.DEVIATION && !r.problems().isEmpty()).toList();
        if (!deviating.isEmpty()) {
            sb.append("\nDocumented deviations (differences as declared, not failures):\n");
            for (CaseResult r : deviating) {
                sb.append(describe(r));
            }
        }
        return sb.toString();
    }

    public static String describe(CaseResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(r.name());
        if (!r.corpusCase().description().isEmpty()) {
            sb.append(" — ").append(r.corpusCase().description());
        }
        sb.append('\n');
        for (String p : r.problems()) {
            sb.append("  * ").append(p.replace("\n", "\n    ").stripTrailing()).append('\n');
        }
        for (String n : r.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
