package dev.berth.generator;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two tests every kind's table of {@link KeyCases} gets: each row translates to its expected line, and the
 * table covers every key of the catalogue. A kind's test extends this and names its table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyCaseTests {

    /** The kind's table of one-key cases. */
    abstract KeyCases keyCases();

    Stream<Arguments> keys() {
        return keyCases().arguments();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("keys")
    void key(String key, String lines, String expectedLine) {
        keyCases().check(lines, expectedLine);
    }

    @Test
    void everyKeyHasACase() {
        keyCases().assertCoversCatalogue();
    }
}
