package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class ColoursTest {

    private static Environment env(Map<String, String> vars) {
        return Environment.of(vars, 1000, Path.of("/"));
    }

    @Test
    void neverWithNoColourOrADumbOrMissingTerminalOtherwiseOnlyOnATerminal() {
        assertEquals(Ansi.OFF, Colours.choose(env(Map.of("TERM", "xterm-256color", "NO_COLOR", "1"))));
        assertEquals(Ansi.OFF, Colours.choose(env(Map.of("TERM", "dumb"))));
        assertEquals(Ansi.OFF, Colours.choose(env(Map.of())));
        // no-color.org: an empty NO_COLOR does not count.
        assertEquals(Ansi.AUTO, Colours.choose(env(Map.of("TERM", "xterm-256color", "NO_COLOR", ""))));
        assertEquals(Ansi.AUTO, Colours.choose(env(Map.of("TERM", "xterm-256color"))));
    }

    @Test
    void helpPrintedToAPipeHasNoEscapeCodesEvenOnAColourTerminalType() {
        Run r = Run.of((out, err) -> Berth.execute(new String[] {"--help"}, out, err,
                env(Map.of("TERM", "xterm-256color"))));
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Usage: berth"), r.out());
        assertFalse(r.out().contains("\u001b["), r.out());
        Run usage = Run.of((out, err) -> Berth.execute(new String[] {"apply", "--bogus"}, out, err,
                env(Map.of("TERM", "xterm-256color"))));
        assertFalse(usage.err().contains("\u001b["), usage.err());
    }
}
