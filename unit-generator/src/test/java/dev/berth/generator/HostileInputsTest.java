package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that used to crash or hang the loader (issue 7, item 8, and the drop-in and symlink items of 11): each is
 * refused with an error at the file, and the good file beside it still loads. The bound on each test is far above
 * what it takes (well under a second); it is there so that a regression fails instead of hanging the build.
 */
class HostileInputsTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String GOOD = "[Container]\nImage=localhost/good\n";

    @TempDir
    Path tmp;

    private Path dir(String name) throws IOException {
        Path d = tmp.toRealPath().resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("good.container"), GOOD);
        return d;
    }

    private static LoadedSources load(Path d) {
        return assertTimeoutPreemptively(BOUND, () -> SourceLoader.load(SearchPath.expand(List.of(d))));
    }

    private static List<String> names(LoadedSources s) {
        return s.units().stream().map(SourceUnit::fileName).toList();
    }

    private static List<Diagnostic> about(LoadedSources s, Path file) {
        return s.diagnostics().stream().filter(d -> d.position().file().equals(file.toString())).toList();
    }

    private static void assertOneError(LoadedSources s, Path file, String expected) {
        List<Diagnostic> ds = about(s, file);
        assertEquals(1, ds.size(), () -> "one diagnostic for " + file + ": " + s.diagnostics());
        assertTrue(ds.get(0).isError(), ds.get(0)::format);
        assertTrue(ds.get(0).format().contains(expected), ds.get(0)::format);
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path d = dir("fifo");
        Path fifo = d.resolve("a.container");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, fifo, "not a regular file but a FIFO");
    }

    @Test
    void aLinkToDevZeroIsRefused() throws Exception {
        Path d = dir("zero");
        Path zero = Files.createSymbolicLink(d.resolve("a.container"), Path.of("/dev/zero"));

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, zero, "not a regular file but a character device");
    }

    @Test
    void aSparseThreeGibFileIsRefusedWithoutReadingIt() throws Exception {
        Path d = dir("big");
        Path big = d.resolve("a.container");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, big, "larger than the limit of " + PlainFiles.LIMIT_TEXT);
    }

    @Test
    void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        Path d = dir("limit");
        String head = "[Container]\nImage=localhost/a\n";
        Path at = d.resolve("at.container");
        Files.writeString(at, head + "#".repeat(PlainFiles.LIMIT - head.length() - 1) + "\n");
        Path over = d.resolve("over.container");
        Files.writeString(over, head + "#".repeat(PlainFiles.LIMIT - head.length()) + "\n");
        assertEquals(PlainFiles.LIMIT, Files.size(at));

        LoadedSources s = load(d);

        assertEquals(List.of("at.container", "good.container"), names(s));
        assertOneError(s, over, "larger than the limit");
    }

    @Test
    void aDropInThatIsAFifoFailsItsUnitOnly() throws Exception {
        Path d = dir("dropin-fifo");
        Files.writeString(d.resolve("web.container"), "[Container]\nImage=localhost/web\n");
        Path conf = Files.createDirectories(d.resolve("web.container.d")).resolve("10-x.conf");
        assertEquals(0, new ProcessBuilder("mkfifo", conf.toString()).start().waitFor());

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, d.resolve("web.container"), "not a regular file but a FIFO");
    }

    @Test
    void fiveThousandNestedDirectoriesAreWalkedWithoutRecursion() throws Exception {
        Path d = dir("deep");
        Path p = d;
        for (int i = 0; i < 5000; i++) {
            p = p.resolve("d");
            if (p.toString().length() > 4000) {
                break; // deeper than this, paths exceed PATH_MAX; mkdir one level at a time from a shorter base
            }
        }
        Files.createDirectories(p);
        Files.writeString(d.resolve("d/d/d/inner.container"), "[Container]\nImage=localhost/inner\n");
        // Beyond PATH_MAX: made with mkdir -p, which descends with chdir.
        Process mk = new ProcessBuilder("sh", "-c", "cd \"$1\" && mkdir -p \"$2\"", "sh", p.toString(),
                "d/".repeat(3000)).start();
        assertEquals(0, mk.waitFor());

        // A thread with a small stack: a walk that recursed per level would overflow it long before the bottom.
        AtomicReference<LoadedSources> result = new AtomicReference<>();
        AtomicReference<SearchPath.Result> search = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                search.set(SearchPath.expand(List.of(d)));
                result.set(SourceLoader.load(search.get()));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        try {
            t.start();
            t.join(BOUND.toMillis());
            assertTrue(!t.isAlive(), "the walk did not finish within " + BOUND);
            assertEquals(null, failure.get());
            LoadedSources s = result.get();

            assertEquals(List.of("good.container", "inner.container"), names(s));
            assertEquals(List.of(), s.diagnostics());
            List<Diagnostic> tooLong = search.get().diagnostics();
            assertEquals(1, tooLong.size(), tooLong::toString);
            assertTrue(tooLong.get(0).isError());
            assertTrue(tooLong.get(0).message().contains("longer than 4095 bytes (PATH_MAX)"));
        } finally {
            // Deeper than PATH_MAX: JUnit's clean-up cannot delete it by path; rm descends with openat.
            new ProcessBuilder("rm", "-rf", "--", d.resolve("d").toString()).start().waitFor();
        }
    }

    @Test
    void aHundredThousandLabelsTranslateInNLogN() throws Exception {
        Path d = dir("labels");
        StringBuilder text = new StringBuilder("[Container]\nImage=localhost/labels\n");
        for (int i = 100_000; i > 0; i--) { // in reverse, the worst order for sorting by insertion
            text.append("Label=label-").append(i).append("=value-").append(i).append('\n');
        }
        Files.writeString(d.resolve("labels.container"), text);

        Generation.Outcome outcome = assertTimeoutPreemptively(BOUND, () -> Generation.translate(
                SourceLoader.load(SearchPath.expand(List.of(d))), GeneratorOptions.system(), HostView.nothingExists()));

        assertEquals(List.of(), outcome.diagnostics());
        assertEquals(List.of("good.service", "labels.service"),
                outcome.units().units().stream().map(GeneratedUnit::fileName).toList());
        String exec = outcome.units().units().get(1).text();
        assertTrue(exec.contains(" --label label-1=value-1 --label label-10=value-10 "), "sorted as Go sorts strings");
        assertEquals(100_000, exec.split("--label ", -1).length - 1);
    }

    @Test
    void aSymlinkLoopIsReportedOnceAndADirectoryLoopWithoutAQuadletNameIsNotAQuadletFile() throws Exception {
        Path d = dir("loop");
        Path x = d.resolve("x.container");
        Path y = d.resolve("y.container");
        Files.createSymbolicLink(y, x.getFileName());
        Files.createSymbolicLink(x, y.getFileName());
        Files.createSymbolicLink(d.resolve("sub1"), Path.of("sub2"));
        Files.createSymbolicLink(d.resolve("sub2"), Path.of("sub1"));

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, x, "symbolic link");
        assertOneError(s, y, "symbolic link");
        assertEquals(List.of(), about(s, d.resolve("sub1")));
        assertEquals(List.of(), about(s, d.resolve("sub2")));
    }

    @Test
    void aDropInDirectoryThatCannotBeReadFailsItsUnit() throws Exception {
        Path d = dir("dropin-unreadable");
        Path web = d.resolve("web.container");
        Files.writeString(web, "[Container]\nImage=localhost/web\n");
        // A directory even root cannot list: a symbolic link to itself.
        Files.createSymbolicLink(d.resolve("web.container.d"), Path.of("web.container.d"));

        LoadedSources s = load(d);

        assertEquals(List.of("good.container"), names(s));
        assertOneError(s, web, "web.container.d");
        assertTrue(about(s, web).get(0).message().contains("cannot read its drop-in directory"),
                () -> about(s, web).get(0).format());
    }
}
