package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real process runner, with ordinary programs standing in for journalctl. */
class JournalRunnerTest {

    @Test
    void eachLineOfStandardOutputArrivesAndArgumentsAreNotInterpretedByAShell() throws Exception {
        List<String> lines = new ArrayList<>();
        JournalRunner.Exit exit = JournalRunner.process().run(List.of("printf", "%s\\n", "a b", "$HOME;x"),
                lines::add);
        assertEquals(0, exit.status());
        assertEquals(List.of("a b", "$HOME;x"), lines);
    }

    @Test
    void theExitStatusAndStandardErrorAreKept() throws Exception {
        JournalRunner.Exit exit = JournalRunner.process().run(List.of("ls", "/no/such/dir/for/berth"), l -> { });
        assertTrue(exit.status() != 0);
        assertTrue(exit.errors().contains("/no/such/dir/for/berth"), exit.errors());
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThrows(IOException.class, () -> JournalRunner.process().run(List.of("no-such-journalctl-for-berth"),
                l -> { }));
    }
}
