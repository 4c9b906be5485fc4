package dev.berth.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth sandbox}: try units on a disposable systemd host without deploying them. The host is
 * {@code packaging/testhost}'s (see {@link Sandbox} for where its scripts are found): a Debian 13 root filesystem
 * booted in namespaces, with berth installed as its only generator. Each subcommand runs those scripts by argv.
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Tries units on a disposable systemd host without deploying them.",
            "",
            "'up' builds (first time) or finds the test host's root filesystem (Debian 13: systemd 257, podman "
                    + "5.4.2), boots it as PID 1 of new namespaces, installs this berth into it as the only Quadlet "
                    + "generator and imports a local busybox image (localhost/busybox:latest). 'apply' copies files "
                    + "in and runs 'berth apply' there; 'status', 'logs' and 'shell' look inside; 'down' removes "
                    + "the sandbox and everything in it. Nothing of this machine's systemd or containers changes.",
            "",
            "Needs root (it boots systemd in namespaces), about 400 MB in /var/cache/berth/testhost for the root "
                    + "filesystem (built once, in about two minutes, from the machine's Debian mirror), and the "
                    + "machine's one test-host slot: one sandbox or test host at a time."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the sandbox could not be booted, is not up, or the command inside failed "
                + "(its own exit status is passed on)", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sudo berth sandbox up",
            "  sudo berth sandbox apply examples/quadlet/web",
            "  sudo berth sandbox status",
            "  sudo berth sandbox logs web",
            "  sudo berth sandbox shell curl -s http://localhost:8080/",
            "  sudo berth sandbox down"})
final class SandboxCommand implements Callable<Integer> {

    private static final Duration RETRY = Duration.ofSeconds(15);

    private final Berth.Session session;
    private final Sandbox.Runner runner;

    SandboxCommand(Berth.Session session) {
        this(session, Sandbox.processes());
    }

    SandboxCommand(Berth.Session session, Sandbox.Runner runner) {
        this.session = session;
        this.runner = runner;
    }

    /**
     * The command with its parser set up: after the first word of {@code shell COMMAND...} everything is the
     * command's ({@code berth sandbox shell curl -s URL}: {@code -s} is curl's option, not berth's).
     */
    static CommandLine commandLine(Berth.Session session, Sandbox.Runner runner) {
        CommandLine cmd = new CommandLine(new SandboxCommand(session, runner));
        cmd.getSubcommands().get("shell").setStopAtPositional(true);
        return cmd;
    }

    @Override
    public Integer call() {
        session.err().println("berth sandbox: missing subcommand: up, apply, status, logs, shell or down "
                + "(see berth sandbox --help)");
        return 2;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Boots the sandbox: finds or builds the root filesystem, boots systemd, installs this "
                    + "berth and the busybox image. Already up: says so and changes nothing."})
    int up(@Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "While another sandbox or test host holds the machine, retry every 15 s for up to "
                    + "SECONDS (default 0: fail at once).") long waitSeconds) {
        Optional<Sandbox> located = sandbox();
        if (located.isEmpty()) {
            return Console.FAILED;
        }
        Sandbox sandbox = located.get();
        if (session.env().uid() != 0) {
            return fail("berth sandbox up needs root: it boots systemd as PID 1 of new namespaces and mounts its "
                    + "root filesystem there (uid is " + session.env().uid() + ")", "run it with sudo");
        }
        if (sandbox.isUp()) {
            note("the sandbox is already up (" + sandbox.run() + "); 'berth sandbox down' removes it");
            return Console.OK;
        }
        note("finding the root filesystem (the first time this builds it: about two minutes and 400 MB in "
                + "/var/cache/berth/testhost, from this machine's Debian mirror)");
        Sandbox.Captured rootfs = runner.capture(sandbox.script("rootfs.sh"), sandbox.scriptEnv(), true);
        List<String> lines = rootfs.stdout().lines().toList();
        if (!rootfs.ok() || lines.isEmpty()) {
            return fail("building the sandbox's root filesystem failed (" + sandbox.scripts().resolve("rootfs.sh")
                    + " exited with " + rootfs.exitCode() + ")", "see its messages above; it needs network "
                    + "access to the Debian mirror of /etc/apt/sources.list.d and debootstrap");
        }
        String rootfsPath = lines.get(lines.size() - 1).strip();
        note("booting systemd from " + rootfsPath + " in " + sandbox.run());
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
        while (true) {
            Sandbox.Captured boot = runner.capture(sandbox.script("boot.sh", rootfsPath), sandbox.scriptEnv(), false);
            if (boot.ok()) {
                break;
            }
            if (boot.stderr().contains(Sandbox.BUSY)) {
                if (System.nanoTime() < deadline) {
                    note("another sandbox or test host is running on this machine; retrying in 15 s");
                    sleep(RETRY);
                    continue;
                }
                return fail("another sandbox or test host is running on this machine, and only one can: "
                        + lastLine(boot.stderr()), "wait until it is gone ('berth sandbox down' if it is yours), "
                        + "or pass --wait SECONDS");
            }
            session.err().print(boot.stderr());
            return fail("the sandbox did not boot (boot.sh exited with " + boot.exitCode() + ")",
                    "see the messages above and " + sandbox.run().resolve("boot.log"));
        }
        note("installing berth from " + sandbox.home());
        Sandbox.Captured install = runner.capture(sandbox.script("install-berth.sh", sandbox.home().toString()),
                sandbox.scriptEnv(), false);
        if (!install.ok()) {
            session.err().print(install.stderr());
            return fail("installing berth into the sandbox failed; the sandbox is up but has no berth",
                    "see the messages above; 'berth sandbox down' removes it");
        }
        Sandbox.Captured image = runner.capture(sandbox.inside(List.of("podman", "import", "--quiet",
                "/var/lib/berth-testhost/busybox.tar", "localhost/busybox:latest")), sandbox.scriptEnv(), false);
        if (!image.ok()) {
            session.err().print(image.stderr());
            return fail("importing the busybox image into the sandbox failed", "see the messages above");
        }
        session.out().println("sandbox up: systemd 257 with berth as its only generator, image "
                + "localhost/busybox:latest (" + sandbox.run() + ")");
        session.out().println("next: berth sandbox apply FILE...; berth sandbox status; berth sandbox down");
        return Console.OK;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Copies Quadlet files or directories into the sandbox (a file with the drop-in "
                    + "directories beside it) and runs 'berth apply' on them there: installed, reloaded, started "
                    + "as on a real host; --dry-run only shows what would change."})
    int apply(@Option(names = {"-n", "--dry-run"}, description = "Show what would change; change nothing.")
              boolean dryRun,
              @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                      description = "Output format of 'berth apply': text (default) or json.") OutputFormat format,
              @Parameters(paramLabel = "PATH", arity = "1..*", description = "Quadlet files or directories.")
              List<Path> paths) {
        Optional<Sandbox> located = upSandbox();
        if (located.isEmpty()) {
            return Console.FAILED;
        }
        Sandbox sandbox = located.get();
        Sandbox.Staging staging = Sandbox.stage(paths);
        if (!staging.problems().isEmpty()) {
            staging.problems().forEach(p -> session.err().println("berth: " + p));
            return Console.FAILED;
        }
        // A fresh staging directory each time: a file left from an earlier apply must not be applied again.
        Sandbox.Captured clean = runner.capture(sandbox.inside(List.of("rm", "-rf", "--", Sandbox.STAGE)),
                sandbox.scriptEnv(), false);
        if (clean.ok()) {
            clean = runner.capture(sandbox.inside(List.of("mkdir", "-p", "--", Sandbox.STAGE)), sandbox.scriptEnv(),
                    false);
        }
        if (!clean.ok()) {
            session.err().print(clean.stderr());
            return fail("cannot prepare " + Sandbox.STAGE + " inside the sandbox", "see the messages above");
        }
        Sandbox.Captured copy = runner.pipe(staging.tar(), sandbox.inside(List.of("tar", "-C", Sandbox.STAGE,
                "-x", "-f", "-")), sandbox.scriptEnv());
        if (!copy.ok()) {
            session.err().print(copy.stderr());
            return fail("copying the files into the sandbox failed", "see the messages above");
        }
        List<String> argv = new ArrayList<>(List.of("berth", "apply"));
        if (dryRun) {
            argv.add("--dry-run");
        }
        argv.addAll(List.of("--format", format.name().toLowerCase(java.util.Locale.ROOT)));
        argv.addAll(staging.targets());
        return runner.interactive(sandbox.inside(argv), sandbox.scriptEnv());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"'berth status' inside the sandbox: its units with state, PID, uptime and image."})
    int status(@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                       description = "text (default) or json.") OutputFormat format,
               @Parameters(paramLabel = "NAME", arity = "0..*", description = "Units (default: all of berth's).")
               List<String> names) {
        List<String> argv = new ArrayList<>(List.of("berth", "status", "--format",
                format.name().toLowerCase(java.util.Locale.ROOT)));
        if (names != null) {
            argv.addAll(names);
        }
        return inside(argv);
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = {"'berth logs' inside the sandbox: a unit's journal."})
    int logs(@Option(names = "-n", paramLabel = "N", defaultValue = "50", description = "Lines (default 50).") int n,
             @Option(names = {"-f", "--follow"}, description = "Keep printing new entries.") boolean follow,
             @Parameters(paramLabel = "NAME", description = "The unit.") String name) {
        List<String> argv = new ArrayList<>(List.of("berth", "logs", "-n", Integer.toString(n)));
        if (follow) {
            argv.add("-f");
        }
        argv.add(name);
        return inside(argv);
    }

    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"A root shell inside the sandbox, or one command (argv, no shell): "
                    + "'berth sandbox shell systemctl list-units'."})
    int shell(@Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments "
            + "(default: bash).") List<String> command) {
        List<String> argv = command == null || command.isEmpty() ? List.of("/bin/bash") : command;
        return inside(argv);
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = {"Removes the sandbox: kills its systemd and everything it runs, deletes its disk. "
                    + "Not up: says so."})
    int down() {
        Optional<Sandbox> located = sandbox();
        if (located.isEmpty()) {
            return Console.FAILED;
        }
        Sandbox sandbox = located.get();
        if (!java.nio.file.Files.isDirectory(sandbox.run())) {
            note("no sandbox to remove (" + sandbox.run() + " does not exist)");
            return Console.OK;
        }
        if (session.env().uid() != 0) {
            return fail("berth sandbox down needs root (uid is " + session.env().uid() + ")", "run it with sudo");
        }
        Sandbox.Captured destroy = runner.capture(sandbox.script("destroy.sh"), sandbox.scriptEnv(), false);
        if (!destroy.ok()) {
            session.err().print(destroy.stderr());
            return fail("removing the sandbox failed (destroy.sh exited with " + destroy.exitCode() + ")",
                    "see the messages above");
        }
        session.out().println("sandbox removed");
        return Console.OK;
    }

    /** Runs argv inside the sandbox with the terminal; its exit status is ours. */
    private int inside(List<String> argv) {
        Optional<Sandbox> located = upSandbox();
        if (located.isEmpty()) {
            return Console.FAILED;
        }
        Sandbox sandbox = located.get();
        return runner.interactive(sandbox.inside(argv), sandbox.scriptEnv());
    }

    private Optional<Sandbox> upSandbox() {
        Optional<Sandbox> located = sandbox();
        if (located.isEmpty()) {
            return located;
        }
        if (session.env().uid() != 0) {
            fail("berth sandbox needs root to enter the sandbox (uid is " + session.env().uid() + ")",
                    "run it with sudo");
            return Optional.empty();
        }
        if (!located.get().isUp()) {
            fail("no sandbox is up (" + located.get().run() + ")", "start one with 'berth sandbox up'");
            return Optional.empty();
        }
        return located;
    }

    private Optional<Sandbox> sandbox() {
        return switch (Sandbox.locate(session.env())) {
            case Sandbox.Located.Found f -> Optional.of(f.sandbox());
            case Sandbox.Located.Missing m -> {
                fail(m.problem(), m.fix());
                yield Optional.empty();
            }
        };
    }

    private int fail(String problem, String fix) {
        return new Console(session, OutputFormat.TEXT).fail("sandbox", Optional.empty(), problem, Optional.of(fix));
    }

    private void note(String line) {
        session.err().println("berth sandbox: " + line);
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
