package dev.berth.spec;

import java.util.Optional;

/**
 * A failure that is not about a position in a source file: systemd unreachable, a name that does not resolve, a
 * lock that cannot be taken, a reload or a write that failed. Every command reports these the same way, in text
 * ("berth: problem" and "  fix: ...") and in JSON ({@code {"kind", "name", "problem", "fix"}}).
 *
 * <p>It lives here, at the bottom of the one-way chain, beside {@link Diagnostic} (its positioned sibling), so that
 * every module above can return it without depending on the command line.
 *
 * @param kind    a stable, lower-case, dashed word scripts can match on ("bus-unreachable", "lock", "reload")
 * @param name    what it is about (a unit, a file, a path), when it is about one thing
 * @param problem what is wrong, one sentence
 * @param fix     how to repair it, when known
 */
public record Problem(String kind, Optional<String> name, String problem, Optional<String> fix) {

    public Problem {
        if (kind == null || name == null || problem == null || fix == null) {
            throw new IllegalArgumentException("problem fields must not be null");
        }
    }

    public static Problem of(String kind, String problem) {
        return new Problem(kind, Optional.empty(), problem, Optional.empty());
    }

    public static Problem of(String kind, String problem, String fix) {
        return new Problem(kind, Optional.empty(), problem, Optional.ofNullable(fix));
    }

    public static Problem about(String kind, String name, String problem, String fix) {
        return new Problem(kind, Optional.ofNullable(name), problem, Optional.ofNullable(fix));
    }

    /** "problem; fix" on one line, for logs and messages that are not a report. */
    @Override
    public String toString() {
        return fix.map(f -> problem + "; " + f).orElse(problem);
    }
}
