package dev.berth.spec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WordsTest {

    @Test
    void execStyleRemovesQuotesAndDecodesEscapes() {
        Words.Split s = Words.split("sh -c \"echo 'a b'\" x\\x41\\ty 'single \"q\"' mid\"dle\"", Words.Style.EXEC);
        assertTrue(s.ok());
        assertEquals(List.of("sh", "-c", "echo 'a b'", "xA\ty", "single \"q\"", "middle"), s.words());
    }

    @Test
    void listStyleKeepsBackslashes() {
        Words.Split s = Words.split("a\\x41 \"b c\"  d", Words.Style.LIST);
        assertEquals(List.of("a\\x41", "b c", "d"), s.words());
    }

    @Test
    void unbalancedQuoteIsReportedWithItsOffset() {
        Words.Split s = Words.split("echo \"unterminated", Words.Style.EXEC);
        assertFalse(s.ok());
        assertEquals(5, s.problem().orElseThrow().offset());
        assertTrue(s.problem().orElseThrow().message().contains("unbalanced"));
    }

    @Test
    void anUnclosedQuoteOrAFinalBackslashIsReadRelaxedAsQuadletDoes() {
        Words.Split q = Words.split("sh -c \"echo unterminated", Words.Style.EXEC);
        assertEquals(List.of("sh", "-c", "echo unterminated"), q.words());
        assertEquals(Words.Effect.READ_RELAXED, q.problem().orElseThrow().effect());
        Words.Split b = Words.split("a b\\", Words.Style.EXEC);
        assertEquals(List.of("a", "b"), b.words());
        assertEquals(Words.Effect.READ_RELAXED, b.problem().orElseThrow().effect());
        assertEquals(Words.Effect.ERROR, Words.split("a \"b", Words.Style.LIST).problem().orElseThrow().effect());
    }

    @Test
    void unknownEscapeIsReported() {
        Words.Split s = Words.split("a \\q", Words.Style.EXEC);
        assertFalse(s.ok());
        assertEquals(2, s.problem().orElseThrow().offset());
    }

    @Test
    void anUnknownEscapeIsMarkedAsOneQuadletIgnoresTheValueFor() {
        Words.Problem p = Words.split("C=x\\.y D=1", Words.Style.EXEC).problem().orElseThrow();
        assertTrue(p.unknownEscape(), p::message);
        assertFalse(Words.split("echo \"open", Words.Style.EXEC).problem().orElseThrow().unknownEscape());
    }

    @Test
    void backslashSemicolonIsALiteralSemicolonAsSystemdDocuments() {
        Words.Split s = Words.split("find / -exec echo {} \\; p\\;q \"\\;\"", Words.Style.EXEC);
        assertTrue(s.ok(), () -> s.problem().toString());
        assertEquals(List.of("find", "/", "-exec", "echo", "{}", ";", "p;q", ";"), s.words());
    }

    @Test
    void aLoneSemicolonIsWrittenSoSystemdDoesNotSplitTheCommandThere() {
        // systemd reads an unquoted lone ';' in a command line as the end of the command, and '\;' as a literal ';'.
        assertEquals("find / -exec echo {} \\; p;q", Words.join(List.of("find", "/", "-exec", "echo", "{}", ";", "p;q")));
    }

    @Test
    void nulEscapeIsRejected() {
        assertFalse(Words.split("a\\x00", Words.Style.EXEC).ok());
    }

    @Test
    void emptyQuotedWordIsKept() {
        assertEquals(List.of("a", "", "b"), Words.split("a \"\" b", Words.Style.EXEC).words());
    }

    static Stream<List<String>> wordLists() {
        return Stream.of(
                List.of("/usr/bin/podman", "run", "--name", "web"),
                List.of("echo", "two words", "tab\there", "new\nline"),
                List.of("quote\"inside", "single'inside", "back\\slash"),
                List.of("$HOME", "%h/data", "${PORT}", "100%"),
                List.of("", "empty", ""),
                List.of("unicode-é-ünï", "bell\u0007", "\\x41 literal"),
                List.of("sh", "-c", "a; b", ";", "\\;", ";;"));
    }

    @ParameterizedTest
    @MethodSource("wordLists")
    void joinThenSplitGivesTheSameWords(List<String> words) {
        String line = Words.join(words);
        Words.Split back = Words.split(line, Words.Style.EXEC);
        assertTrue(back.ok(), () -> line + " -> " + back.problem());
        assertEquals(words, back.words(), line);
    }

    @Test
    void joinQuotesOnlyWhatNeedsIt() {
        assertEquals("podman run --env \"A=b c\" --label x=y", Words.join(List.of("podman", "run", "--env", "A=b c", "--label", "x=y")));
        assertEquals("\"say \\\"hi\\\"\"", Words.join(List.of("say \"hi\"")));
    }
}
