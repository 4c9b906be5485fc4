package dev.berth.generator.corpus;

import java.util.List;

/**
 * The verdict on one case.
 *
 * @param problems why the case does not match (empty when it does); for a declared deviation, the differences
 *     the deviation documents
 * @param notes differences that are allowed and worth seeing, such as units berth produces where the reference
 *     gave up on the whole directory
 */
public record CaseResult(CorpusCase corpusCase, List<String> problems, List<String> notes, boolean known) {

    public CaseResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public CaseResult(CorpusCase corpusCase, List<String> problems, List<String> notes) {
        this(corpusCase, problems, notes, false);
    }

    /**
     * {@code KNOWN}: a difference from the reference listed in the corpus's {@code known-different-*.txt}, not
     * yet ported; it is counted as not identical, and does not fail the run.
     */
    public enum Status { IDENTICAL, DIFFERENT, DEVIATION, KNOWN }

    public Status status() {
        if (corpusCase.deviation().isPresent()) {
            return Status.DEVIATION;
        }
        if (problems.isEmpty()) {
            return Status.IDENTICAL;
        }
        return known ? Status.KNOWN : Status.DIFFERENT;
    }

    public boolean passed() {
        return status() != Status.DIFFERENT;
    }

    public String name() {
        return corpusCase.name();
    }
}
