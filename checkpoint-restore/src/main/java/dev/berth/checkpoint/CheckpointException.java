package dev.berth.checkpoint;

import java.util.Optional;

/** A checkpoint, restore or migration that did not happen: what went wrong and how to fix it. */
public final class CheckpointException extends Exception {

    private final String fix;

    public CheckpointException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String problem() {
        return getMessage();
    }

    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }
}
