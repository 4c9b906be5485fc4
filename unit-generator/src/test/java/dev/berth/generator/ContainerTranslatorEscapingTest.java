package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.spec.syntax.Words;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values with blanks, quotes, {@code $}, {@code %} and backslashes: the ExecStart= text is what Quadlet 5.4.2 writes,
 * and systemd splits it back into exactly the arguments the user meant.
 */
class ContainerTranslatorEscapingTest {

    private static final String RUN = "/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm "
            + "--cgroups=split --sdnotify=conmon -d ";

    @Test
    void execArgumentsAreQuotedOnlyWhereNeeded() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                Exec=/bin/sh -c "echo $HOME && echo 100%" 'it'\\''s' a\\\\b "tab\\there" plain
                """);
        assertEquals(RUN + "localhost/img /bin/sh -c \"echo $HOME && echo 100%\" \"it's\" \"a\\\\b\" \"tab\\there\" plain",
                r.execStart());
    }

    @Test
    void environmentValuesKeepBlanksQuotesDollarsPercentsAndBackslashes() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                Environment="GREETING=hello world" 'QUOTE=say "hi"' PRICE=$5 PCT=50% BS=a\\\\b
                """);
        assertEquals(RUN + "--env \"BS=a\\\\b\" --env \"GREETING=hello world\" --env PCT=50% --env PRICE=$5 "
                + "--env \"QUOTE=say \\\"hi\\\"\" localhost/img", r.execStart());
    }

    @Test
    void singleValuesAreQuotedAsWholeWords() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                HealthCmd=/usr/bin/check --url http://x/?a=1&b=2
                Label=note="two words"
                """);
        assertEquals(RUN + "--label \"note=two words\" --health-cmd \"/usr/bin/check --url http://x/?a=1&b=2\" localhost/img",
                r.execStart());
    }

    @Test
    void singleValuesLoseDoubleQuotesAtEitherEndAsInQuadlet() {
        // Quadlet 5.4.2 trims every '"' at both ends of a single value, even an unpaired one.
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                HealthCmd=/bin/sh -c "exit 0"
                """);
        assertEquals(RUN + "--health-cmd \"/bin/sh -c \\\"exit 0\" localhost/img", r.execStart());
    }

    static Stream<List<String>> argumentLists() {
        return Stream.of(
                List.of("echo", "a b", "c"),
                List.of("sh", "-c", "echo \"$X\" 'y' \\ done"),
                List.of("printf", "%s\\n", "100%", "$HOME", "${PATH}"),
                List.of("x", "tab\there", "new\nline", "bell\u0007"),
                List.of("unicode", "grüße", "日本語 テキスト"),
                List.of("quotes", "'", "\"", "'\"'\"'"));
    }

    @ParameterizedTest
    @MethodSource("argumentLists")
    void execRoundTripsThroughSystemdSplitting(List<String> argv) {
        QuadletFiles.Result r = QuadletFiles.container("[Container]\nImage=localhost/img\nExec=" + Words.join(argv) + "\n");
        List<String> words = Words.split(r.execStart(), Words.Style.EXEC).words();
        assertEquals(argv, words.subList(words.size() - argv.size(), words.size()));
        assertEquals("localhost/img", words.get(words.size() - argv.size() - 1));
    }

    @ParameterizedTest
    @MethodSource("argumentLists")
    void environmentRoundTripsThroughSystemdSplitting(List<String> values) {
        StringBuilder env = new StringBuilder("Environment=");
        for (int i = 0; i < values.size(); i++) {
            env.append(' ').append(Words.quote("V" + i + "=" + values.get(i)));
        }
        QuadletFiles.Result r = QuadletFiles.container("[Container]\nImage=localhost/img\n" + env + "\n");
        List<String> words = Words.split(r.execStart(), Words.Style.EXEC).words();
        for (int i = 0; i < values.size(); i++) {
            int at = words.indexOf("V" + i + "=" + values.get(i));
            assertEquals("--env", words.get(at - 1), () -> r.execStart());
        }
    }
}
