package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a lifecycle command does not load, since every {@code berth start} pays for it (measured in the test host,
 * bench/lifecycle): Jackson with text output (about a fifth of a second; only JSON output needs it), and the other
 * commands' models (picocli builds them by reflection). Checked in a fresh JVM with class loading logged, since
 * this JVM has long loaded everything for other tests.
 */
class CommandStartupTest {

    @Test
    void aTextLifecycleCommandLoadsNeitherJacksonNorOtherCommands(@TempDir Path dir) throws Exception {
        Path units = Files.createDirectories(dir.resolve("units"));
        List<String> text = run(units, "status", "no-such-unit");
        assertTrue(text.stream().anyMatch(l -> l.contains("no-such-unit")), String.join("\n", text));
        assertTrue(text.stream().anyMatch(l -> l.contains("dev.berth.cli.Console ")), "Console was not used");
        assertFalse(text.stream().anyMatch(l -> l.contains("com.fasterxml.jackson.databind.ObjectMapper ")),
                "text output loaded Jackson's ObjectMapper");
        for (String other : List.of("ApplyCommand", "RemoveCommand", "EnableCommand", "LogsCommand", "JobCommand")) {
            assertFalse(text.stream().anyMatch(l -> l.contains("dev.berth.cli." + other + " ")),
                    "berth status built the model of " + other);
        }

        // The control: the same command with JSON output does load it (so the check above can fail).
        List<String> json = run(units, "status", "--format", "json", "no-such-unit");
        assertTrue(json.stream().anyMatch(l -> l.contains("com.fasterxml.jackson.databind.ObjectMapper ")),
                String.join("\n", json));
    }

    /** {@code berth ARGS} in a new JVM on this classpath, class loading logged to stdout; its output lines. */
    private static List<String> run(Path units, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xshare:auto", "-Xlog:class+load=info:stdout",
                "-cp", System.getProperty("java.class.path"), Berth.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("QUADLET_UNIT_DIRS", units.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "berth did not finish");
        assertEquals(4, p.exitValue(), "an unknown name exits 4, as systemctl");
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
