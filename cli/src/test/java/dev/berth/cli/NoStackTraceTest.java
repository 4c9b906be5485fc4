package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.generator.Environment;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A bug, or a JVM error such as a stack overflow, inside any command must not print a stack trace: the user gets one
 * line saying what happened and how to report it, and {@code --format json} still prints a JSON document
 * (issue 7, item 8).
 */
class NoStackTraceTest {

    /** An environment whose every lookup fails the way a bug deep inside a command would. */
    private static Environment failing(Supplier<Throwable> failure) {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                Throwable t = failure.get();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) t;
            }

            @Override
            public int uid() {
                return 0;
            }
        };
    }

    private static Run berth(Environment env, String... args) {
        return Run.of((out, err) -> Berth.execute(args, out, err, env));
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), () -> r.out() + r.err());
        assertFalse(r.err().contains("Exception in") || r.err().contains("Caused by"), r::err);
    }

    @Test
    void checkAsJsonStillPrintsJsonOnABug() throws Exception {
        Run r = berth(failing(() -> new IllegalStateException("boom")), "check", "--format", "json");

        assertEquals(1, r.status());
        assertNoStackTrace(r);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("internal", doc.get("errors").get(0).get("kind").asText());
        assertTrue(doc.get("errors").get(0).get("problem").asText().contains("boom"), r::out);
    }

    @Test
    void checkAsJsonStillPrintsJsonOnAStackOverflow() throws Exception {
        Run r = berth(failing(StackOverflowError::new), "check", "--format=json");

        assertEquals(1, r.status());
        assertNoStackTrace(r);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("errors").get(0).get("problem").asText().contains("StackOverflowError"), r::out);
    }

    @Test
    void checkAsTextSaysWhatHappenedInOneLine() {
        Run r = berth(failing(() -> new IllegalStateException("boom")), "check");

        assertEquals(1, r.status());
        assertNoStackTrace(r);
        assertTrue(r.err().startsWith("berth: internal error: java.lang.IllegalStateException: boom"), r::err);
        assertTrue(r.err().contains("fix: "), r::err);
    }

    @Test
    void aPlainStartCommandLineHasNoStackTraceEither() {
        Run r = berth(failing(() -> new IllegalStateException("boom")), "start", "web");

        assertEquals(1, r.status());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("internal error"), r::err);
    }

    @Test
    void theGeneratorReportsAJvmErrorInOneLine() {
        Run r = Run.of((out, err) -> GeneratorMain.run(new String[] {"-dryrun"}, out, err,
                failing(StackOverflowError::new), "berth-generator", null));

        assertEquals(1, r.status());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("internal error"), r::err);
    }
}
