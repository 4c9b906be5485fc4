package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.cli.UnitNameResolver.NotFound;
import dev.berth.systemd.SystemdException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the lifecycle commands print: text lines for people (problems on standard error, as
 * "berth: problem" and an indented "fix: ..." line), or JSON documents on standard output for programs. Never a
 * stack trace: every failure the commands expect has a problem and, when known, a fix.
 */
final class Console {

    static final int OK = 0;
    static final int FAILED = 1;
    /** A named unit does not exist: systemctl's exit status for that. */
    static final int NO_SUCH_UNIT = 4;

    /**
     * Jackson's mappers, made on first use: loading Jackson costs about a fifth of a second of start-up, which
     * text output (every {@code berth start} a person types) need not pay.
     */
    private static final class Mappers {
        static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectMapper COMPACT = new ObjectMapper();

        static String write(ObjectMapper mapper, Object doc) {
            try {
                return mapper.writeValueAsString(doc);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("maps of strings and numbers always serialise", e);
            }
        }
    }

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
        session.out().print(Mappers.write(Mappers.PRETTY, doc) + "\n");
    }

    /** One JSON object on one line (a stream of records, as {@code berth logs --format json} prints). */
    void record(Object doc) {
        session.out().println(Mappers.write(Mappers.COMPACT, doc));
        session.out().flush();
    }

    /** A problem with its fix; in JSON an {@code {"errors": [...]}} document. Returns {@link #FAILED}. */
    int fail(String kind, Optional<String> name, String problem, Optional<String> fix) {
        return failAll(List.of(error(kind, name, problem, fix)));
    }

    int fail(SystemdException e) {
        return fail(kindOf(e), Optional.empty(), e.problem(), e.fix());
    }

    /** Names that do not resolve: all of them are reported, and nothing was done. */
    int fail(List<NotFound> notFound) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (NotFound n : notFound) {
            errors.add(error("unknown-unit", Optional.of(n.given()), n.problem(), n.fix()));
        }
        return failAll(errors);
    }

    /** Several problems at once (built with {@link #error}); in JSON one document. */
    int failAll(List<Map<String, Object>> errors) {
        if (json()) {
            document(Map.of("errors", errors));
        } else {
            for (Map<String, Object> e : errors) {
                note("berth: " + e.get("problem"));
                if (e.get("fix") != null) {
                    note("  fix: " + e.get("fix"));
                }
            }
        }
        return FAILED;
    }

    static Map<String, Object> error(String kind, Optional<String> name, String problem, Optional<String> fix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name.orElse(null));
        m.put("problem", problem);
        m.put("fix", fix.orElse(null));
        return m;
    }

    /** BUS_UNREACHABLE → "bus-unreachable". */
    static String kindOf(SystemdException e) {
        return e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
