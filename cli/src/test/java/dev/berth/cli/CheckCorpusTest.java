package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code check} corpus ({@code cli/src/test/check-corpus/}): real mistakes that Quadlet accepts and systemd or
 * podman refuse or ignore at run time. Each directory holds the files and {@code expected.txt}: exactly what
 * {@code berth check DIR} prints (diagnostic lines with their position, then the summary), paths relative to DIR,
 * and the exit status on the first line ({@code # exit N}).
 */
class CheckCorpusTest {

    private static final Path CORPUS = Path.of("src/test/check-corpus");

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CORPUS)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no cases in " + CORPUS.toAbsolutePath());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path abs = dir.toAbsolutePath();
            Run run = Run.of((out, err) -> Berth.execute(new String[] {"check", abs.toString()}, out, err,
                    Environment.of(Map.of(), 0)));
            String actual = "# exit " + run.status() + "\n" + run.out().replace(abs + "/", "");
            String expected = Files.readString(dir.resolve("expected.txt"));
            assertEquals(expected, actual, dir + ": berth check printed something else (stderr: " + run.err() + ")");
        }));
    }

    @org.junit.jupiter.api.Test
    void strictFailsOnWarnings() {
        String dir = CORPUS.resolve("pull-sometimes").toAbsolutePath().toString();
        Run plain = Run.of((out, err) -> Berth.execute(new String[] {"check", dir}, out, err,
                Environment.of(Map.of(), 0)));
        Run strict = Run.of((out, err) -> Berth.execute(new String[] {"check", "--strict", dir}, out, err,
                Environment.of(Map.of(), 0)));
        assertEquals(0, plain.status());
        assertEquals(1, strict.status());
        assertEquals(plain.out(), strict.out());
    }
}
