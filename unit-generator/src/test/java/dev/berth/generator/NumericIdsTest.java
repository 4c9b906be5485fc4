package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads ids as Quadlet's strtol-like LookupUint32 does, and refuses what it would silently turn into 0. */
class NumericIdsTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1000,1000", "+7,7", "0x3e8,1000", "0X3E8,1000", "0750,488", "00,0", "-0,0", "root,0",
            "4294967295,4294967295"})
    void numbers(String value, long id) {
        assertEquals(Optional.of(id), NumericIds.read(value).id());
    }

    @ParameterizedTest
    @CsvSource({"'',is empty", "nobody,is not a number", "08,is not a number", "0x,is not a number",
            "--5,is not a number", "+-5,is not a number", "1_000,is not a number", "-5,is negative",
            "4294967296,is larger than 4294967295", "99999999999999999999,is out of range", "١٢,is not a number"})
    void notNumbers(String value, String problem) {
        assertEquals(new NumericIds.Result(Optional.empty(), problem), NumericIds.read(value));
    }
}
