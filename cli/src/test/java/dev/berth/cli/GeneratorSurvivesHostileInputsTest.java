package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator as systemd runs it (its own process, the launcher's JVM flags, a small 512 KiB thread stack, and a
 * 128 MiB heap, less than any machine berth runs on) over one directory holding every input that used to crash or
 * hang it (issue 7, item 8): a 3 GiB sparse file, a link to {@code /dev/zero}, a FIFO, 5000 nested directories and a
 * file with 100,000 labels, beside a good file. It must answer within the bound docs/generator-limits.md states (60
 * s, far above the few seconds it takes), print no stack trace, and still generate the good units.
 */
class GeneratorSurvivesHostileInputsTest {

    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path tmp;

    private Path units;

    @AfterEach
    void removeDeepTree() throws Exception {
        if (units != null) { // deeper than PATH_MAX: JUnit cannot delete it by path; rm descends with openat
            new ProcessBuilder("rm", "-rf", "--", units.resolve("d").toString()).start().waitFor();
        }
    }

    @Test
    void everyHostileInputAtOnce() throws Exception {
        units = Files.createDirectories(tmp.toRealPath().resolve("units"));
        Files.writeString(units.resolve("good.container"), "[Container]\nImage=localhost/good\n");
        try (RandomAccessFile f = new RandomAccessFile(units.resolve("big.container").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        Files.createSymbolicLink(units.resolve("zero.container"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", units.resolve("fifo.container").toString()).start().waitFor());
        assertEquals(0, new ProcessBuilder("sh", "-c", "cd \"$1\" && mkdir -p \"$2\"", "sh", units.toString(),
                "d/".repeat(5000)).start().waitFor());
        StringBuilder labels = new StringBuilder("[Container]\nImage=localhost/labels\n");
        for (int i = 100_000; i > 0; i--) {
            labels.append("Label=label-").append(i).append("=value-").append(i).append('\n');
        }
        Files.writeString(units.resolve("labels.container"), labels);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-XX:-UsePerfData", "-Xmn16m", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), GeneratorMain.class.getName(), "-dryrun"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("QUADLET_UNIT_DIRS", units.toString());
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertTrue(finished, "the generator did not answer within " + BOUND_SECONDS + " s; stderr: " + tail(stderr));
        assertEquals(1, p.exitValue(), () -> tail(stderr));
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception") || stderr.contains("Error:"), () -> tail(stderr));
        assertTrue(stdout.contains("---good.service---"), () -> tail(stderr));
        assertTrue(stdout.contains("---labels.service---"), () -> tail(stderr));
        assertTrue(stderr.contains(units.resolve("big.container") + ": error: the file is 3221225472 bytes"), () -> tail(stderr));
        assertTrue(stderr.contains(units.resolve("zero.container") + ": error: not a regular file but a character device"), () -> tail(stderr));
        assertTrue(stderr.contains(units.resolve("fifo.container") + ": error: not a regular file but a FIFO"), () -> tail(stderr));
        assertTrue(stderr.contains("longer than 4095 bytes (PATH_MAX)"), () -> tail(stderr));
    }

    private static String tail(String s) {
        String cut = s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        return cut.replaceAll("(d/){20,}", "d/.../");
    }

    static {
        // Fail early with a clear message rather than a confusing one when the machine lacks mkfifo.
        try {
            if (new ProcessBuilder("mkfifo", "--version").start().waitFor() != 0) {
                throw new IllegalStateException("mkfifo (coreutils) is needed by this test");
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("mkfifo (coreutils) is needed by this test", e);
        }
    }
}
