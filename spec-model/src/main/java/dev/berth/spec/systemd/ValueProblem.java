package dev.berth.spec.systemd;

import java.util.Optional;

/** What is wrong with one value, before it is given a position: the message and, when known, a fix. */
public record ValueProblem(String message, Optional<String> fix) {

    public static Optional<ValueProblem> of(String message, String fix) {
        return Optional.of(new ValueProblem(message, Optional.ofNullable(fix)));
    }
}
