package dev.berth.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static final Map<String, String> VARS = Map.of("SET", "value", "EMPTY", "", "A", "a");
    private static final Interpolation I = new Interpolation(n -> Optional.ofNullable(VARS.get(n)));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "plain text|plain text",
        "$SET|value",
        "${SET}|value",
        "x$SET.y|xvalue.y",
        "$UNSET|",
        "${UNSET:-d}|d",
        "${EMPTY:-d}|d",
        "${SET:-d}|value",
        "${UNSET-d}|d",
        "${EMPTY-d}|",
        "${SET:+r}|r",
        "${EMPTY:+r}|",
        "${EMPTY+r}|r",
        "${UNSET+r}|",
        "${UNSET:-${A}}|a",
        "${UNSET:-${ALSO:-${SET}-deep}}|value-deep",
        "$$SET|$SET",
        "$${SET}|${SET}",
        "cost: $$5|cost: $5",
        "${SET:?must}|value",
        "${EMPTY?must}|",
    })
    void expands(String in, String out) throws Exception {
        assertEquals(out == null ? "" : out, I.apply(in)); // CsvSource reads an empty column as null
    }

    @Test
    void requiredVariablesFailWithTheirMessage() {
        Interpolation.Failure f = assertThrows(Interpolation.Failure.class, () -> I.apply("${UNSET:?set it in .env}"));
        assertEquals("required variable UNSET is missing: set it in .env", f.getMessage());
        f = assertThrows(Interpolation.Failure.class, () -> I.apply("${EMPTY:?no ${A}}"));
        assertEquals("required variable EMPTY is empty: no a", f.getMessage());
        f = assertThrows(Interpolation.Failure.class, () -> I.apply("${UNSET?}"));
        assertEquals("required variable UNSET is missing", f.getMessage());
    }

    @Test
    void malformedExpressionsFail() {
        for (String bad : new String[] {"$", "a $ b", "${", "${}", "${1A}", "${A:}", "${A!x}", "$1"}) {
            Interpolation.Failure f = assertThrows(Interpolation.Failure.class, () -> I.apply(bad), bad);
            assertTrue(f.getMessage().startsWith("invalid interpolation"), f.getMessage());
        }
    }

    @Test
    void dotEnvQuotesCommentsExportAndInterpolation() {
        DotEnv.Parsed p = DotEnv.parse("""
                # comment
                export A=1
                B = two words # trailing comment
                C='single ${A} kept'
                D="double\\tescaped ${A}"
                E=${A}${FROM_ENV}
                F=${UNSET:-dflt}
                not an assignment
                """, n -> n.equals("FROM_ENV") ? Optional.of("env") : Optional.empty());
        assertEquals("1", p.variables().get("A"));
        assertEquals("two words", p.variables().get("B"));
        assertEquals("single ${A} kept", p.variables().get("C"));
        assertEquals("double\tescaped 1", p.variables().get("D"));
        assertEquals("1env", p.variables().get("E"));
        assertEquals("dflt", p.variables().get("F"));
        assertEquals(1, p.problems().size());
        assertEquals(8, p.problems().get(0).line());
    }
}
