package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT to the generator while it writes units (issue 7, item 11): it must not leave its temporary
 * {@code .NAME.service.*.tmp} files (or link temporaries) in the output directory. The generator runs as its own
 * process and the signal is sent once it has written its first units, so that it is in the middle of writing.
 */
class GeneratorInterruptTest {

    @TempDir
    Path tmp;

    @Test
    void sigintWhileWritingLeavesNoTemporaryFiles() throws Exception {
        Path units = Files.createDirectories(tmp.resolve("units"));
        for (int i = 0; i < 4000; i++) {
            Files.writeString(units.resolve("svc-" + i + ".container"), "[Container]\nImage=localhost/app\n"
                    + "Environment=A=1\n[Install]\nWantedBy=multi-user.target\n");
        }
        Path output = Files.createDirectories(tmp.resolve("output"));
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Stream<Path> old = Files.list(output)) {
                for (Path p : old.toList()) {
                    new ProcessBuilder("rm", "-rf", "--", p.toString()).start().waitFor();
                }
            }
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    GeneratorMain.class.getName(), "-no-kmsg-log", output.toString());
            pb.environment().put("QUADLET_UNIT_DIRS", units.toString());
            pb.redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile());
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && count(output, ".service") < 50 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (!p.isAlive()) {
                continue; // finished before the signal: try again (the test needs it to be stopped mid-way)
            }
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the generator did not stop on SIGINT");
            int written = count(output, ".service");
            assertTrue(written < 4000, "stopped mid-way: " + written + " units");
            assertEquals(List.of(), temporaries(output), "temporary files left after SIGINT");
            return;
        }
        throw new AssertionError("the generator always finished before it could be interrupted");
    }

    private static int count(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static List<String> temporaries(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.contains(".tmp")).toList();
        }
    }
}
