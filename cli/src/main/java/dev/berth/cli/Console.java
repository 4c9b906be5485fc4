package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.NotFound;
import dev.berth.install.Problems;
import dev.berth.spec.Problem;
import dev.berth.systemd.SystemdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the lifecycle commands print: text lines for people (problems on standard error, as
 * "berth: problem" and an indented "fix: ..." line), or JSON documents on standard output for programs. Never a
 * stack trace: every failure the commands expect has a problem and, when known, a fix.
 */
final class Console {

    static final int OK = 0;
    static final int FAILED = 1;

    private final Berth.Session session;
    private final OutputFormat format;

    Console(Berth.Session session, OutputFormat format) {
        this.session = session;
        this.format = format;
    }

    boolean json() {
        return format == OutputFormat.JSON;
    }

    /** A line of the command's result (text mode). */
    void out(String line) {
        session.out().println(line);
    }

    /** A remark that is not the result: progress, hints (text mode, standard error). */
    void note(String line) {
        session.err().println(line);
    }

    /** One indented JSON document, the whole answer of a command. */
    void document(Object doc) {
        session.out().print(Json.document(doc));
    }

    /** One JSON object on one line (a stream of records, as {@code berth logs --format json} prints). */
    void record(Object doc) {
        session.out().println(Json.line(doc));
        session.out().flush();
    }

    /** A problem with its fix; in JSON an {@code {"errors": [...]}} document. Returns {@link #FAILED}. */
    int fail(String kind, Optional<String> name, String problem, Optional<String> fix) {
        return failAll(List.of(error(kind, name, problem, fix)));
    }

    int fail(SystemdException e) {
        return failAll(List.of(Problems.of(e)));
    }

    /** Names that do not resolve: all of them are reported, and nothing was done. */
    int fail(List<NotFound> notFound) {
        List<Problem> errors = new ArrayList<>();
        for (NotFound n : notFound) {
            errors.add(error("unknown-unit", Optional.of(n.given()), n.problem(), n.fix()));
        }
        return failAll(errors);
    }

    /** Several problems at once (built with {@link #error}); in JSON one document. */
    int failAll(List<Problem> errors) {
        if (json()) {
            document(new Errors(errors));
        } else {
            errors.forEach(this::problem);
        }
        return FAILED;
    }

    /** A problem in text: "berth: problem" and an indented "fix: ..." line, on standard error. */
    void problem(Problem p) {
        note("berth: " + p.problem());
        p.fix().ifPresent(f -> note("  fix: " + f));
    }

    /** {@code {"errors": [{kind, name, problem, fix}]}}, the JSON of a command that could not do its work. */
    record Errors(List<Problem> errors) {
    }

    static Problem error(String kind, Optional<String> name, String problem, Optional<String> fix) {
        return new Problem(kind, name, problem, fix);
    }

    /** BUS_UNREACHABLE → "bus-unreachable". */
    static String kindOf(SystemdException e) {
        return Problems.kindOf(e);
    }
}
