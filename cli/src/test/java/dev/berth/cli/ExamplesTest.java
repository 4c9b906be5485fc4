package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled examples are what the README tells people to run first: they must be clean and complete. */
class ExamplesTest {

    private static final Path EXAMPLES = locate();

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/quadlet"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/quadlet not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples/quadlet");
    }

    private static Run berth(String... args) throws IOException {
        Environment env = Environment.of(Map.of(), 0);
        return Run.of((out, err) -> Berth.execute(args, out, err, env));
    }

    @Test
    void everyExampleChecksWithoutErrorsOrWarnings() throws IOException {
        Run r = berth("check", EXAMPLES.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().matches("(?s)\\d+ files checked, 0 errors, 0 warnings\\n"), r.out());
    }

    @Test
    void generateDryRunPrintsEveryExampleUnit() throws IOException {
        Run r = berth("generate", "--dryrun", EXAMPLES.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("(?m)^---(.+)---$").matcher(r.out());
        List<String> names = m.results().map(x -> x.group(1)).sorted().toList();
        assertEquals(List.of("app-data-volume.service", "app-network.service", "app-web.service",
                "app-writer.service", "echo@.service", "echo@blue.service", "shop-api.service", "shop-pod.service",
                "shop-worker.service", "web.service"), names);
        assertTrue(r.out().contains("PublishPort=8080:80") || r.out().contains("--publish 8080:80"), r.out());
    }
}
