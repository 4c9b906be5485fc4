package dev.berth.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference Quadlet 5.4.2, run live from the test-host root filesystem through
 * {@code packaging/testhost/quadlet-reference.sh [--user] DIR} (a private overlay, so the rootfs is never modified,
 * with the unit directory at the same absolute path inside as outside). Needs root.
 */
public final class LiveReference {

    public static final String ROOTFS_PROPERTY = "berth.testhost.rootfs";
    static final String QUADLET = "usr/libexec/podman/quadlet";
    static final String QUADLET_LATEST = "usr/libexec/podman-latest/quadlet";

    private final Path rootfs;
    private final Path script;
    private final boolean latest;

    private LiveReference(Path rootfs, Path script, boolean latest) {
        this.rootfs = rootfs;
        this.script = script;
        this.latest = latest;
    }

    public static LiveReference configured() {
        return configured(ReferenceVersion.V5_4);
    }

    /**
     * The reference as configured by {@code -Dberth.testhost.rootfs=<path>}; throws with an explanation when the
     * property is missing, or the path has no Quadlet binary, or the wrapper script is missing. The differential
     * suite must fail then, never skip: a skipped differential suite looks like a passing one.
     */
    public static LiveReference configured(ReferenceVersion version) {
        String value = System.getProperty(ROOTFS_PROPERTY, "").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException("the differential suite needs the test-host rootfs: pass -D" + ROOTFS_PROPERTY
                    + "=$(bash packaging/testhost/rootfs.sh | tail -n 1) (test.sh does), or run ./test.sh");
        }
        Path rootfs = Path.of(value);
        String quadlet = version.latest() ? QUADLET_LATEST : QUADLET;
        if (!Files.isExecutable(rootfs.resolve(quadlet))) {
            throw new IllegalStateException(ROOTFS_PROPERTY + "=" + value + " has no reference Quadlet "
                    + version.label() + " at /" + quadlet + " (rebuild it with packaging/testhost/rootfs.sh)");
        }
        Path script = CorpusLocation.repository().resolve("packaging/testhost/quadlet-reference.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("missing " + script);
        }
        return new LiveReference(rootfs, script, version.latest());
    }

    public Path rootfs() {
        return rootfs;
    }

    public RunOutput run(Path unitDir, boolean user) {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        if (latest) {
            cmd.add("--latest");
        }
        if (user) {
            cmd.add("--user");
        }
        cmd.add(unitDir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ROOTFS", rootfs.toString());
        try {
            Path out = Files.createTempFile("berth-qref", ".out");
            Path err = Files.createTempFile("berth-qref", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
                Process p = pb.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the reference did not finish within 120 s on " + unitDir);
                }
                String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
                if (p.exitValue() == 125) {
                    throw new IllegalStateException("quadlet-reference.sh could not run the reference: " + stderr.strip());
                }
                return new RunOutput(new String(Files.readAllBytes(out), StandardCharsets.UTF_8), stderr, p.exitValue());
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The masking record-reference.sh applies before storing a golden stderr: the pid of the log prefix, and in
     * Go panic traces the goroutine ids and hex values.
     */
    public static String normalizeStderr(String stderr) {
        String s = stderr.replaceAll("quadlet-generator\\[[0-9]+]", "quadlet-generator[PID]");
        if (s.lines().anyMatch(l -> l.matches("^goroutine [0-9]+ .*"))) {
            s = s.replaceAll("(?m)^goroutine [0-9]+ ", "goroutine N ").replaceAll("0x[0-9a-f]+", "0xX");
        }
        return s;
    }
}
