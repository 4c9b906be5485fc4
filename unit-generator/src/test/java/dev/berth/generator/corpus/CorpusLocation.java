package dev.berth.generator.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the corpus and the repository are. Maven runs tests in the module directory; the system property
 * {@code berth.corpus.dir} points elsewhere (for example at a corpus that is still being written).
 */
public final class CorpusLocation {

    private CorpusLocation() {
    }

    public static Path corpus() {
        String configured = System.getProperty("berth.corpus.dir", "");
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return repository().resolve("unit-generator/src/test/corpus");
    }

    /** The repository root: the nearest directory up from here holding the reactor pom and unit-generator/. */
    public static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("unit-generator"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }

    public static Path compatibilityDoc() {
        return repository().resolve("docs/compatibility.md");
    }

    /** Where reports are written: the module's target directory. */
    public static Path reportDir() {
        return repository().resolve("unit-generator/target/corpus-report");
    }
}
