package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code berth sandbox}: where it finds the test-host scripts, what it refuses, and the argv it runs. */
class SandboxTest {

    @TempDir
    Path tmp;

    /** A checkout: {@code cli/target} as berth's home, {@code packaging/testhost} with the scripts. */
    private Path checkout() throws IOException {
        Path scripts = Files.createDirectories(tmp.resolve("repo/packaging/testhost"));
        for (String s : List.of("boot.sh", "exec.sh", "rootfs.sh", "install-berth.sh", "destroy.sh")) {
            Files.writeString(scripts.resolve(s), "#!/bin/bash\n");
        }
        return Files.createDirectories(tmp.resolve("repo/cli/target"));
    }

    @Test
    void findsTheScriptsOfTheCheckoutItRunsFrom() throws IOException {
        Path home = checkout();
        Sandbox.Located located = Sandbox.locate(home, Environment.of(Map.of(), 0));
        Sandbox s = assertInstanceOf(Sandbox.Located.Found.class, located).sandbox();
        assertEquals(tmp.resolve("repo/packaging/testhost"), s.scripts());
        assertEquals(Sandbox.DEFAULT_RUN, s.run());
    }

    @Test
    void anInstalledHomeWithItsOwnTesthostDirectoryComesFirst() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("usr/lib/berth"));
        Path scripts = Files.createDirectories(home.resolve("testhost"));
        Files.writeString(scripts.resolve("boot.sh"), "");
        Files.writeString(scripts.resolve("exec.sh"), "");
        Sandbox s = assertInstanceOf(Sandbox.Located.Found.class,
                Sandbox.locate(home, Environment.of(Map.of(), 0))).sandbox();
        assertEquals(scripts, s.scripts());
    }

    @Test
    void theEnvironmentOverridesScriptsAndRunDirectory() throws IOException {
        Path home = checkout();
        Sandbox s = assertInstanceOf(Sandbox.Located.Found.class, Sandbox.locate(home, Environment.of(Map.of(
                "BERTH_TESTHOST_DIR", tmp.resolve("repo/packaging/testhost").toString(),
                "BERTH_SANDBOX_RUN", "/var/tmp/berth-testhost/mine"), 0))).sandbox();
        assertEquals(Path.of("/var/tmp/berth-testhost/mine"), s.run());
        assertEquals(Map.of("BERTH_TESTHOST_RUN", "/var/tmp/berth-testhost/mine"), s.scriptEnv());
    }

    @Test
    void noScriptsIsAProblemWithAFix() {
        Sandbox.Located located = Sandbox.locate(tmp, Environment.of(Map.of(), 0));
        Sandbox.Located.Missing m = assertInstanceOf(Sandbox.Located.Missing.class, located);
        assertTrue(m.problem().contains("cannot find the test-host scripts"), m.problem());
        assertTrue(m.fix().contains("BERTH_TESTHOST_DIR"), m.fix());
    }

    @Test
    void aFileIsStagedWithTheDropInDirectoriesBesideItAndTarGetsArgvPairs() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dir.resolve("web.container"), "[Container]\nImage=x\n");
        Files.createDirectories(dir.resolve("web.container.d"));
        Files.createDirectories(dir.resolve("notes"));
        Sandbox.Staging staging = Sandbox.stage(List.of(dir.resolve("web.container")));
        assertEquals(List.of(), staging.problems());
        assertEquals(List.of(Sandbox.STAGE + "/web.container"), staging.targets());
        assertEquals(List.of("tar", "-c", "-f", "-", "--owner=0", "--group=0", "--numeric-owner",
                "-C", dir.toString(), "web.container", "-C", dir.toString(), "web.container.d"), staging.tar());
    }

    @Test
    void missingAndCollidingArgumentsAreRefused() throws IOException {
        Files.createDirectories(tmp.resolve("a/web"));
        Files.createDirectories(tmp.resolve("b/web"));
        Sandbox.Staging staging = Sandbox.stage(List.of(tmp.resolve("a/web"), tmp.resolve("b/web"),
                tmp.resolve("gone.container")));
        assertEquals(2, staging.problems().size(), staging.problems().toString());
        assertTrue(staging.problems().get(0).contains("also named 'web'"));
        assertTrue(staging.problems().get(1).contains("no such file"));
    }

    /** Records what would run; every script "succeeds" with the given stdout. */
    private static final class Recording implements Sandbox.Runner {
        final List<List<String>> calls = new ArrayList<>();
        String stdout = "";
        String stderr = "";
        int exit = 0;

        @Override
        public int interactive(List<String> argv, Map<String, String> env) {
            calls.add(argv);
            return exit;
        }

        @Override
        public Sandbox.Captured capture(List<String> argv, Map<String, String> env, boolean showProgress) {
            calls.add(argv);
            return new Sandbox.Captured(exit, stdout, stderr);
        }

        @Override
        public Sandbox.Captured pipe(List<String> from, List<String> to, Map<String, String> env) {
            calls.add(from);
            calls.add(to);
            return new Sandbox.Captured(exit, "", "");
        }
    }

    private Run sandbox(int uid, Map<String, String> vars, Recording runner, String... args) {
        return Run.of((out, err) -> {
            Berth.Session session = new Berth.Session(out, err, Environment.of(vars, uid));
            CommandLine cmd = SandboxCommand.commandLine(session, runner);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            cmd.setCaseInsensitiveEnumValuesAllowed(true);
            return cmd.execute(args);
        });
    }

    @Test
    void upRefusesWithoutRootAndRunsNothing() throws IOException {
        Path scripts = checkout().resolve("../../packaging/testhost").normalize();
        Recording runner = new Recording();
        Run r = sandbox(1000, Map.of("BERTH_TESTHOST_DIR", scripts.toString()), runner, "up");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("needs root"), r.err());
        assertTrue(r.err().contains("sudo"), r.err());
        assertEquals(List.of(), runner.calls);
    }

    @Test
    void upSaysWhenAnotherTestHostHoldsTheMachine() throws IOException {
        Path scripts = checkout().resolve("../../packaging/testhost").normalize();
        Recording runner = new Recording();
        runner.stdout = "/var/cache/berth/testhost/abc\n";
        // rootfs.sh succeeds, boot.sh is refused.
        Sandbox.Runner busyBoot = new Sandbox.Runner() {
            @Override
            public int interactive(List<String> argv, Map<String, String> env) {
                return runner.interactive(argv, env);
            }

            @Override
            public Sandbox.Captured capture(List<String> argv, Map<String, String> env, boolean showProgress) {
                runner.calls.add(argv);
                return argv.get(1).endsWith("boot.sh")
                        ? new Sandbox.Captured(1, "", "boot.sh: ERROR: another test host is running (pid 42)\n")
                        : new Sandbox.Captured(0, runner.stdout, "");
            }

            @Override
            public Sandbox.Captured pipe(List<String> from, List<String> to, Map<String, String> env) {
                return runner.pipe(from, to, env);
            }
        };
        Run r = Run.of((out, err) -> {
            Berth.Session session = new Berth.Session(out, err, Environment.of(Map.of("BERTH_TESTHOST_DIR",
                    scripts.toString(), "BERTH_SANDBOX_RUN", tmp.resolve("run").toString()), 0));
            return new CommandLine(new SandboxCommand(session, busyBoot)).execute("up");
        });
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("only one can"), r.err());
        assertTrue(r.err().contains("--wait"), r.err());
        assertEquals(List.of("bash", scripts.resolve("boot.sh").toString(), "/var/cache/berth/testhost/abc"),
                runner.calls.get(1));
    }

    @Test
    void commandsInsideNeedASandboxThatIsUp() throws IOException {
        Path scripts = checkout().resolve("../../packaging/testhost").normalize();
        Recording runner = new Recording();
        Run r = sandbox(0, Map.of("BERTH_TESTHOST_DIR", scripts.toString(), "BERTH_SANDBOX_RUN",
                tmp.resolve("none").toString()), runner, "status");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no sandbox is up"), r.err());
        assertTrue(r.err().contains("berth sandbox up"), r.err());
        assertEquals(List.of(), runner.calls);
    }

    @Test
    void shellPassesTheCommandsOwnOptionsThrough() throws IOException {
        Path scripts = checkout().resolve("../../packaging/testhost").normalize();
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(run.resolve("init.pid"), ProcessHandle.current().pid() + " 1\n");
        Recording runner = new Recording();
        runner.exit = 7;
        Run r = sandbox(0, Map.of("BERTH_TESTHOST_DIR", scripts.toString(), "BERTH_SANDBOX_RUN", run.toString()),
                runner, "shell", "curl", "-s", "-m", "2", "http://127.0.0.1:8080/");
        assertEquals(7, r.status(), "the command's exit status is berth's: " + r.err());
        assertEquals(List.of(List.of("bash", scripts.resolve("exec.sh").toString(), "curl", "-s", "-m", "2",
                "http://127.0.0.1:8080/")), runner.calls);
    }

    @Test
    void applyCopiesWithTarThroughExecAndRunsBerthApplyInside() throws IOException {
        Path scripts = checkout().resolve("../../packaging/testhost").normalize();
        Path run = Files.createDirectories(tmp.resolve("run"));
        // "Up": init.pid names a live process (this JVM).
        Files.writeString(run.resolve("init.pid"), ProcessHandle.current().pid() + " 1\n");
        Path site = Files.createDirectories(tmp.resolve("site/web"));
        Files.writeString(site.resolve("web.container"), "[Container]\nImage=x\n");
        Recording runner = new Recording();
        Run r = sandbox(0, Map.of("BERTH_TESTHOST_DIR", scripts.toString(), "BERTH_SANDBOX_RUN", run.toString()),
                runner, "apply", site.toString());
        assertEquals(0, r.status(), r.err());
        String exec = scripts.resolve("exec.sh").toString();
        assertEquals(List.of("bash", exec, "rm", "-rf", "--", Sandbox.STAGE), runner.calls.get(0));
        assertEquals(List.of("bash", exec, "mkdir", "-p", "--", Sandbox.STAGE), runner.calls.get(1));
        assertEquals("tar", runner.calls.get(2).get(0));
        assertEquals(List.of("bash", exec, "tar", "-C", Sandbox.STAGE, "-x", "-f", "-"), runner.calls.get(3));
        assertEquals(List.of("bash", exec, "berth", "apply", "--format", "text", Sandbox.STAGE + "/web"),
                runner.calls.get(4));
    }
}
