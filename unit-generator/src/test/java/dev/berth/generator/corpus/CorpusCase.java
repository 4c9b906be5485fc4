package dev.berth.generator.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One corpus case directory: {@code units/} (the Quadlet files), {@code case.properties} and the goldens
 * {@code reference.stdout}, {@code reference.stderr}, {@code reference.exit} recorded from Quadlet 5.4.2.
 *
 * <p>Both the reference and berth read the units from the same absolute directory, {@link #hostDir()}, so
 * {@code SourcePath=} and resolved relative paths are byte-for-byte comparable.
 *
 * @param newerThanReference the case is about keys or kinds added after 5.4.2: its goldens show what 5.4.2 does,
 *     not what berth is meant to do
 * @param deviation the anchor of a documented deliberate difference in docs/compatibility.md, if declared
 */
public record CorpusCase(String name, Path dir, String description, Mode mode, Expectation expectation,
                         boolean newerThanReference, Optional<String> deviation, ReferenceVersion reference) {

    /** Against Quadlet 5.4.2. */
    public CorpusCase(String name, Path dir, String description, Mode mode, Expectation expectation,
                      boolean newerThanReference, Optional<String> deviation) {
        this(name, dir, description, mode, expectation, newerThanReference, deviation, ReferenceVersion.V5_4);
    }

    /** This case, counted as a plain one: its declared deviation does not hold. */
    public CorpusCase withoutDeviation() {
        return new CorpusCase(name, dir, description, mode, expectation, newerThanReference, Optional.empty(),
                reference);
    }

    /** Where every case's units are staged; the goldens were recorded from exactly this path. */
    public static final Path STAGING_ROOT = Path.of("/var/tmp/berth-corpus");

    public enum Mode { SYSTEM, USER }

    /** What the reference does with the case, as the corpus author recorded it. */
    public enum Expectation {
        /** Exit 0, every file converted. */
        ACCEPTS,
        /** Exit 1, some units produced. */
        PARTIAL,
        /** Exit 1, the files under test produce no unit. */
        REJECTS
    }

    public static CorpusCase load(Path dir) {
        return load(dir, ReferenceVersion.V5_4);
    }

    public static CorpusCase load(Path dir, ReferenceVersion reference) {
        Properties p = new Properties();
        Path props = dir.resolve("case.properties");
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + props, e);
        }
        String mode = p.getProperty("mode", "system").trim().toUpperCase(Locale.ROOT);
        String expectation = p.getProperty(reference.prefix(), "accepts").trim().toUpperCase(Locale.ROOT);
        String deviation = p.getProperty(reference.deviationProperty(), "").trim();
        return new CorpusCase(dir.getFileName().toString(), dir, p.getProperty("description", "").trim(),
                Mode.valueOf(mode), Expectation.valueOf(expectation),
                Boolean.parseBoolean(p.getProperty(reference.newerProperty(), "false").trim()),
                deviation.isEmpty() ? Optional.empty() : Optional.of(deviation), reference);
    }

    /** Every case under the corpus root, in name order (the names start with a number). */
    public static List<CorpusCase> all(Path corpusRoot) {
        return all(corpusRoot, ReferenceVersion.V5_4);
    }

    /** Every case, read for {@code reference}. */
    public static List<CorpusCase> all(Path corpusRoot, ReferenceVersion reference) {
        try (Stream<Path> dirs = Files.list(corpusRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.properties")))
                    .sorted()
                    .map(d -> load(d, reference))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus at " + corpusRoot, e);
        }
    }

    public boolean user() {
        return mode == Mode.USER;
    }

    public Path unitsDir() {
        return dir.resolve("units");
    }

    /** The absolute directory the units are read from, by the reference and by berth alike. */
    public Path hostDir() {
        return STAGING_ROOT.resolve(name);
    }

    public boolean hasGoldens() {
        return Files.isRegularFile(dir.resolve(reference.prefix() + ".stdout"))
                && Files.isRegularFile(dir.resolve(reference.prefix() + ".exit"));
    }

    /** The recorded reference run. */
    public RunOutput golden() {
        String p = reference.prefix();
        String stdout = read(p + ".stdout");
        String stderr = Files.isRegularFile(dir.resolve(p + ".stderr")) ? read(p + ".stderr") : "";
        int exit = Integer.parseInt(read(p + ".exit").trim());
        return new RunOutput(stdout, stderr, exit);
    }

    /**
     * A golden file as text. Quadlet passes invalid UTF-8 from unit files through to its output, so bad bytes are
     * decoded as U+FFFD rather than failing the read; berth's output goes through the same decoding.
     */
    private String read(String file) {
        try {
            return new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }

    /**
     * Copies {@code units/} to {@link #hostDir()}, removing whatever was there, so each run starts fresh.
     * Symbolic links are copied as links: template instances are often links to the template file.
     */
    public Path stage() {
        Path target = hostDir();
        try {
            deleteTree(target);
            Files.createDirectories(target.getParent());
            Path source = unitsDir();
            if (!Files.isDirectory(source)) {
                Files.createDirectories(target);
                return target;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.copy(f, target.resolve(source.relativize(f).toString()), LinkOption.NOFOLLOW_LINKS,
                            StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + name + " at " + target, e);
        }
    }

    /** Every regular file and link under {@code units/}, relative to it, for key coverage. */
    public List<Path> unitFiles() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(unitsDir())) {
            return out;
        }
        try (Stream<Path> s = Files.walk(unitsDir())) {
            s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
