package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell launchers of packaging/bin, run for real with fake runtimes (a script named java beside a release
 * file): which Java they pick, when they pass an AOT cache, what they say without Java 21, and which generator owns
 * the Quadlet search path. They ask {@code BERTH_LAUNCHER_EXPLAIN=1} what they would run, so no JVM starts.
 */
class LaunchersTest {

    private static final Path BIN = Path.of("../packaging/bin").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    private Path home;

    record Launched(int status, String out, String err) {
        String value(String key) {
            return out.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                    .findFirst().orElse(null);
        }
    }

    @BeforeEach
    void aHomeWithJars() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("lib"));
        for (String jar : List.of("berth-cli.jar", "berth-cli-generator.jar", "lib/spec-model.jar",
                "lib/unit-generator.jar")) {
            Files.writeString(home.resolve(jar), "");
        }
    }

    /** A fake runtime: bin/java (prints a -version line; the launcher only needs it executable) and its release. */
    private Path runtime(Path dir, String version, boolean releaseFile) throws IOException {
        Path java = dir.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2026-01-01' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseFile) {
            Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version
                    + "\"\nMODULES=\"java.base jdk.net\"\n");
        }
        return java;
    }

    private Launched run(String launcher, Map<String, String> env, String... args) throws Exception {
        return run(BIN.resolve(launcher), env, args);
    }

    /** Runs a launcher (or a link to it: its name decides user mode) with a clean environment plus {@code env}. */
    private Launched run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        Path emptyPath = Files.createDirectories(tmp.resolve("empty-path"));
        pb.environment().put("PATH", emptyPath + ":/usr/bin:/bin");
        pb.environment().put("BERTH_LAUNCHER_EXPLAIN", "1");
        pb.environment().put("BERTH_HOME", home.toString());
        pb.environment().put("BERTH_CONFIG", tmp.resolve("no-berth.conf").toString());
        pb.environment().put("BERTH_ROOT", tmp.resolve("root").toString());
        pb.environment().putAll(env);
        pb.environment().values().removeIf(String::isEmpty);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Launched(p.exitValue(), out, err);
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theJavaBlockIsTheSameInBothLaunchers() throws IOException {
        assertEquals(javaBlock("berth"), javaBlock("berth-generator"));
    }

    private static String javaBlock(String launcher) throws IOException {
        String s = Files.readString(BIN.resolve(launcher));
        int start = s.indexOf("# --- Java: this block");
        int end = s.indexOf("# --- end of the Java block");
        assertTrue(start > 0 && end > start, launcher);
        return s.substring(start, end);
    }

    @Test
    void javaIsTheBundledRuntimeThenBerthJavaThenJavaHomeThenPath() throws Exception {
        Path berthJava = runtime(tmp.resolve("berth-java"), "25.0.1", true);
        Path javaHome = tmp.resolve("java-home");
        runtime(javaHome, "21.0.4", true);
        Path onPath = runtime(tmp.resolve("empty-path-jdk"), "24", true);
        Path pathDir = Files.createDirectories(tmp.resolve("empty-path"));
        Files.createSymbolicLink(pathDir.resolve("java"), onPath);
        Map<String, String> all = env("BERTH_JAVA", berthJava.toString(), "JAVA_HOME", javaHome.toString());

        for (String launcher : List.of("berth", "berth-generator")) {
            assertEquals(pathDir.resolve("java").toString(), run(launcher, env()).value("java"), launcher);
            assertEquals(javaHome.resolve("bin/java").toString(),
                    run(launcher, env("JAVA_HOME", javaHome.toString())).value("java"));
            assertEquals(berthJava.toString(), run(launcher, all).value("java"));
            Path bundled = runtime(home.resolve("runtime"), "25.0.3", true);
            Launched withBundled = run(launcher, all);
            assertEquals(bundled.toString(), withBundled.value("java"));
            assertEquals("25.0.3 java.base jdk.net", withBundled.value("runtime"));
            deleteTree(home.resolve("runtime"));
        }
    }

    @Test
    void anOldJavaIsPassedOverAndWithoutJava21TheLauncherSaysSoPlainly() throws Exception {
        Path old = tmp.resolve("jdk17");
        runtime(old, "17.0.15", true);
        Path noRelease = runtime(tmp.resolve("bare"), "21.0.2", false);
        // JAVA_HOME is Java 17: passed over for the java on PATH (found by its -version line, no release file).
        Path pathDir = Files.createDirectories(tmp.resolve("empty-path"));
        Files.createSymbolicLink(pathDir.resolve("java"), noRelease);
        Launched passedOver = run("berth", env("JAVA_HOME", old.toString()));
        assertEquals(0, passedOver.status(), passedOver.err());
        assertEquals(pathDir.resolve("java").toString(), passedOver.value("java"));
        // A PATH with the tools the launchers use, and no java (the machine's own may be any version).
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("readlink", "dirname", "sed", "head")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }

        for (String launcher : List.of("berth", "berth-generator")) {
            Launched none = run(launcher, env("JAVA_HOME", old.toString(), "PATH", tools.toString()));
            assertEquals(1, none.status());
            assertEquals("", none.out());
            assertTrue(none.err().startsWith(launcher + ": no Java 21 or newer found (found: " + old
                    + "/bin/java (Java 17.0.15))."), none.err());
            assertTrue(none.err().contains("fix: install the berth package"), none.err());

            Launched explicit = run(launcher, env("BERTH_JAVA", old.resolve("bin/java").toString()));
            assertEquals(1, explicit.status());
            assertTrue(explicit.err().startsWith(launcher + ": BERTH_JAVA=" + old.resolve("bin/java")
                    + " is not a Java 21 or newer runtime"), explicit.err());
        }
    }

    @Test
    void theAotCacheIsPassedOnlyToAJvmOf24OrLaterThatMadeItAndOnlyWhenNoJarIsNewer() throws Exception {
        Path java25 = runtime(tmp.resolve("jdk25"), "25.0.3", true);
        Path java21 = runtime(tmp.resolve("jdk21"), "21.0.4", true);
        Path cache = Files.writeString(home.resolve("berth.aot"), "cache");
        Instant jarTime = Instant.parse("2026-01-01T00:00:00Z");
        for (String jar : List.of("berth-cli.jar", "lib/spec-model.jar", "lib/unit-generator.jar")) {
            Files.setLastModifiedTime(home.resolve(jar), FileTime.from(jarTime));
        }
        Files.setLastModifiedTime(cache, FileTime.from(jarTime.plusSeconds(60)));
        Map<String, String> with25 = env("BERTH_JAVA", java25.toString());

        assertEquals("", run("berth", with25).value("aot"), "no .runtime stamp: not known to match");
        Files.writeString(home.resolve("berth.aot.runtime"), "25.0.3 java.base jdk.net\n");
        Launched used = run("berth", with25);
        assertEquals(cache.toString(), used.value("aot"));
        assertTrue(used.value("flags").contains("-XX:AOTCache=" + cache), used.out());
        assertFalse(used.value("flags").contains("-Xshare"), used.out());

        Files.writeString(home.resolve("berth.aot.runtime"), "25.0.2 java.base jdk.net\n");
        assertEquals("", run("berth", with25).value("aot"), "made by another runtime");
        Files.writeString(home.resolve("berth.aot.runtime"), "21.0.4 java.base jdk.net\n");
        Launched old = run("berth", env("BERTH_JAVA", java21.toString()));
        assertEquals("", old.value("aot"), "Java 21 has no -XX:AOTCache");
        assertTrue(old.value("flags").endsWith("-Xshare:auto"), old.out());

        Files.writeString(home.resolve("berth.aot.runtime"), "25.0.3 java.base jdk.net\n");
        Files.setLastModifiedTime(home.resolve("lib/spec-model.jar"), FileTime.from(jarTime.plusSeconds(120)));
        assertEquals("", run("berth", with25).value("aot"), "a jar newer than the cache");
        Files.writeString(cache, "");
        Files.setLastModifiedTime(cache, FileTime.from(jarTime.plusSeconds(600)));
        assertEquals("", run("berth", with25).value("aot"), "an empty cache (a failed assembly)");
    }

    @Test
    void theGeneratorRunsOnlyWhenBerthOwnsTheSearchPathAndPodmansGeneratorIsMasked() throws Exception {
        Map<String, String> java = env("BERTH_JAVA", runtime(tmp.resolve("jdk25"), "25.0.3", true).toString());
        Path conf = tmp.resolve("berth.conf");
        java.put("BERTH_CONFIG", conf.toString());
        Path root = tmp.resolve("root");
        Path podman = root.resolve("usr/lib/systemd/system-generators/podman-system-generator");
        Files.createDirectories(podman.getParent());
        Files.writeString(podman, "#!/bin/sh\n");
        Path out = Files.createDirectories(tmp.resolve("out"));

        // No berth.conf: berth owns the path, but Podman's generator would run too, so berth writes nothing.
        Launched unmasked = run("berth-generator", java, "-no-kmsg-log", out.toString());
        assertEquals(0, unmasked.status());
        assertEquals("", unmasked.out());
        assertTrue(unmasked.err().contains(podman + " is not masked, so Podman's generator writes the units and "
                + "berth writes none"), unmasked.err());

        Path mask = root.resolve("etc/systemd/system-generators/podman-system-generator");
        Files.createDirectories(mask.getParent());
        Files.createSymbolicLink(mask, Path.of("/dev/null"));
        Files.writeString(conf, "# comment\n[Generator]\n  QuadletGenerator = berth  \n");
        assertEquals(home.resolve("berth-cli-generator.jar").getParent().toString(),
                run("berth-generator", java, "-no-kmsg-log", out.toString()).value("home"), "masked: berth generates");

        // The user generator looks at podman-user-generator, which is not there at all: berth generates.
        Path userLink = Files.createSymbolicLink(tmp.resolve("berth-user-generator"),
                BIN.resolve("berth-generator"));
        Launched user = run(userLink, java, "-no-kmsg-log", out.toString());
        assertEquals(0, user.status(), user.err());
        assertTrue(user.out().contains("home="), user.out());

        Files.writeString(conf, "[Generator]\nQuadletGenerator=podman\n");
        Launched podmanOwns = run("berth-generator", java, "-no-kmsg-log", out.toString());
        assertEquals(0, podmanOwns.status());
        assertEquals("", podmanOwns.out() + podmanOwns.err(), "berth stays out without a word");
        Launched byHand = run("berth-generator", java, "-dryrun");
        assertTrue(byHand.out().contains("home="), "-dryrun always runs: " + byHand.out());
        assertTrue(run("berth-generator", java, "--version").out().contains("home="));

        Files.writeString(conf, "[Other]\nQuadletGenerator=podman\n[Generator]\nQuadletGenerator=quadlet\n");
        Launched bad = run("berth-generator", java, "-no-kmsg-log", out.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("QuadletGenerator=quadlet is neither berth nor podman"), bad.err());
    }

    @Test
    void selectGeneratorMasksReversiblyAndOnlyUndoesItsOwnMasks() throws Exception {
        Path root = tmp.resolve("root");
        Path conf = root.resolve("etc/berth/berth.conf");
        Files.createDirectories(conf.getParent());
        Path system = root.resolve("etc/systemd/system-generators/podman-system-generator");
        Path user = root.resolve("etc/systemd/user-generators/podman-user-generator");
        Map<String, String> env = env("BERTH_CONFIG", "", "BERTH_ROOT", root.toString());

        Launched masked = run("berth-select-generator", env);
        assertEquals(0, masked.status(), masked.err());
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(system));
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(user));
        assertEquals("/etc/systemd/system-generators/podman-system-generator\n"
                        + "/etc/systemd/user-generators/podman-user-generator\n",
                Files.readString(root.resolve("var/lib/berth/generator-masks")));
        assertEquals(0, run("berth-select-generator", env).status(), "twice is fine");
        assertEquals(2, Files.readAllLines(root.resolve("var/lib/berth/generator-masks")).size());

        Files.writeString(conf, "[Generator]\nQuadletGenerator=podman\n");
        Launched podman = run("berth-select-generator", env);
        assertEquals(0, podman.status(), podman.err());
        assertFalse(Files.exists(system, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(user, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve("var/lib/berth/generator-masks")));

        // An administrator's own mask is neither recorded nor removed.
        Files.createDirectories(system.getParent());
        Files.createSymbolicLink(system, Path.of("/dev/null"));
        Files.writeString(conf, "[Generator]\nQuadletGenerator=berth\n");
        Launched again = run("berth-select-generator", env);
        assertTrue(again.out().contains("already masked (not by berth"), again.out());
        assertEquals(0, run("berth-select-generator", env, "--release").status());
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(system), "the administrator's mask stays");
        assertFalse(Files.exists(user, java.nio.file.LinkOption.NOFOLLOW_LINKS), "berth's own mask goes");

        Files.writeString(conf, "[Generator]\nQuadletGenerator=both\n");
        Launched bad = run("berth-select-generator", env);
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("QuadletGenerator=both is neither berth nor podman; nothing changed"),
                bad.err());
    }

    @Test
    void bothLaunchersPrintTheSameVersionLine() throws IOException {
        Environment env = Environment.of(Map.of(), 0, tmp);
        Run berth = Run.of((out, err) -> Berth.execute(new String[] {"--version"}, out, err, env));
        Run generator = Run.of((out, err) -> GeneratorMain.run(new String[] {"-version"}, out, err, env,
                "/usr/lib/systemd/system-generators/berth-generator", null));
        assertEquals(0, berth.status());
        assertEquals(berth.out(), generator.out());
        assertTrue(berth.out().matches("berth \\S+ \\(generates units as Podman Quadlet [^)]+\\)\n"), berth.out());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
