package dev.berth.cli;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The disposable systemd host behind {@code berth sandbox}: the test host of {@code packaging/testhost} (a Debian 13
 * root filesystem booted as PID 1 of fresh namespaces, with systemd 257, podman 5.4.2 and berth as its only
 * generator), driven through that directory's scripts, always as argv lists.
 *
 * <p>Where the scripts are, first match: {@code $BERTH_TESTHOST_DIR}; {@code HOME/testhost} (an installed home,
 * e.g. {@code /usr/lib/berth/testhost}); {@code HOME/../../packaging/testhost} (a source checkout, where the home is
 * {@code cli/target}). HOME is {@code $BERTH_HOME} if set, else the directory of the running {@code berth-cli.jar},
 * the same directory the launcher chose. The jars installed into the sandbox are that home's, so the sandbox runs the berth that runs this command.
 *
 * @param scripts the testhost scripts ({@code boot.sh}, {@code exec.sh}, ...)
 * @param home    berth's home: {@code berth-cli.jar}, {@code berth-cli-generator.jar}, {@code lib/}
 * @param run     the sandbox's run directory ({@code $BERTH_SANDBOX_RUN}, default
 *                {@code /var/tmp/berth-testhost/sandbox}); boot.sh's one-host-per-machine checks look there
 */
record Sandbox(Path scripts, Path home, Path run) {

    static final Path DEFAULT_RUN = Path.of("/var/tmp/berth-testhost/sandbox");
    /** Where {@code apply} stages the files inside the sandbox. */
    static final String STAGE = "/var/lib/berth-sandbox/apply";
    /** What boot.sh says when the machine's one test-host slot is taken. */
    static final String BUSY = "another test host is running";

    /** How a script runs: argv with extra environment variables. Tests record the calls instead. */
    interface Runner {
        /** Runs with the terminal's stdin, stdout and stderr; returns the exit status. */
        int interactive(List<String> argv, Map<String, String> env);

        /**
         * Runs without stdin, capturing stdout, and stderr too unless {@code showProgress} (then stderr goes to the
         * terminal as it comes: a rootfs build takes minutes and says what it does).
         */
        Captured capture(List<String> argv, Map<String, String> env, boolean showProgress);

        /** Runs {@code from} with its stdout piped into {@code to}; captures {@code to}'s output. */
        Captured pipe(List<String> from, List<String> to, Map<String, String> env);
    }

    /** A finished, captured command. */
    record Captured(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** The real runner: child processes of this JVM, by argv. */
    static Runner processes() {
        return new ProcessRunner();
    }

    /** Locates the scripts for the berth home this code runs from; a problem and its fix when they are not there. */
    static Located locate(Environment env) {
        Optional<Path> home = env.variable("BERTH_HOME").filter(h -> !h.isBlank()).map(Path::of)
                .or(Sandbox::runningHome);
        if (home.isEmpty()) {
            return new Located.Missing("cannot tell where berth is installed (not run from berth-cli.jar)",
                    "run berth through its launcher (bin/berth) or set BERTH_TESTHOST_DIR to packaging/testhost");
        }
        return locate(home.get(), env);
    }

    static Located locate(Path home, Environment env) {
        Path run = env.variable("BERTH_SANDBOX_RUN").filter(s -> !s.isBlank()).map(Path::of).orElse(DEFAULT_RUN);
        List<Path> candidates = new ArrayList<>();
        Optional<String> override = env.variable("BERTH_TESTHOST_DIR").filter(s -> !s.isBlank());
        if (override.isPresent()) {
            candidates.add(Path.of(override.get()));
        } else {
            candidates.add(home.resolve("testhost"));
            candidates.add(home.resolve("../../packaging/testhost").normalize());
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("boot.sh")) && Files.isRegularFile(c.resolve("exec.sh"))) {
                return new Located.Found(new Sandbox(c.toAbsolutePath(), home, run));
            }
        }
        return new Located.Missing("cannot find the test-host scripts (boot.sh, exec.sh) of this berth; looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList()),
                "run the berth of a source checkout (packaging/bin/berth after 'mvn package'), or set "
                        + "BERTH_TESTHOST_DIR to a checkout's packaging/testhost");
    }

    /** The result of {@link #locate}. */
    sealed interface Located {
        record Found(Sandbox sandbox) implements Located {
        }

        record Missing(String problem, String fix) implements Located {
        }
    }

    /**
     * The directory of the berth-cli.jar this class was loaded from; run from a build's {@code target/classes}
     * (tests, an IDE), that {@code target}.
     */
    private static Optional<Path> runningHome() {
        try {
            var source = Sandbox.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(jar.toAbsolutePath().getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The environment every script gets on top of berth's own: the sandbox's run directory. */
    Map<String, String> scriptEnv() {
        return Map.of("BERTH_TESTHOST_RUN", run.toString());
    }

    /** {@code bash SCRIPT ARGS...}. */
    List<String> script(String name, String... args) {
        List<String> argv = new ArrayList<>(List.of("bash", scripts.resolve(name).toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    /** {@code bash exec.sh ARGV...}: argv inside the sandbox. */
    List<String> inside(List<String> argv) {
        List<String> all = new ArrayList<>(script("exec.sh"));
        all.addAll(argv);
        return all;
    }

    /** Whether the sandbox's systemd is running: {@code RUN/init.pid} names a live process. */
    boolean isUp() {
        Path pidFile = run.resolve("init.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return false;
            }
            String[] fields = Files.readString(pidFile).strip().split("\\s+");
            return fields.length > 0 && fields[0].matches("[0-9]+") && Files.isDirectory(Path.of("/proc", fields[0]));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where each argument of {@code apply} goes in the staging directory: a directory under its own name; a file
     * under its name, with the drop-in directories beside it ({@code NAME.d}, {@code KIND.d}, any sibling directory
     * ending in {@code .d}), which {@code berth apply FILE} takes along. Two arguments with the same name are an
     * error: they would overwrite each other.
     */
    static Staging stage(List<Path> inputs) {
        List<Staging.Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            Path fileName = abs.getFileName();
            if (fileName == null || !Files.exists(abs)) {
                problems.add(in + ": no such file or directory");
                continue;
            }
            String name = fileName.toString();
            if (names.contains(name)) {
                problems.add(in + ": another argument is also named '" + name + "'; apply them in two calls");
                continue;
            }
            names.add(name);
            List<Path> dropIns = List.of();
            if (Files.isRegularFile(abs) && abs.getParent() != null) {
                try (Stream<Path> siblings = Files.list(abs.getParent())) {
                    dropIns = siblings.filter(Files::isDirectory)
                            .filter(p -> p.getFileName().toString().endsWith(".d")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            entries.add(new Staging.Entry(abs, name, dropIns));
        }
        return new Staging(entries, problems);
    }

    /**
     * The files of an {@code apply}.
     *
     * @param entries  one per argument
     * @param problems arguments that cannot be staged (nothing is applied then)
     */
    record Staging(List<Entry> entries, List<String> problems) {
        Staging {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        /**
         * @param source  the argument, absolute
         * @param name    its name in the staging directory
         * @param dropIns drop-in directories beside a file argument, staged beside it
         */
        record Entry(Path source, String name, List<Path> dropIns) {
            Entry {
                dropIns = List.copyOf(dropIns);
            }
        }

        /** The paths {@code berth apply} gets inside the sandbox. */
        List<String> targets() {
            return entries.stream().map(e -> STAGE + "/" + e.name()).toList();
        }

        /**
         * The tar command that packs them (GNU tar: each {@code -C DIR} applies to the names after it), owned by
         * root inside, symbolic links kept as links (berth apply refuses what points out of the directory).
         */
        List<String> tar() {
            List<String> argv = new ArrayList<>(List.of("tar", "-c", "-f", "-", "--owner=0", "--group=0",
                    "--numeric-owner"));
            for (Entry e : entries) {
                argv.addAll(List.of("-C", e.source().getParent().toString(), e.name()));
                for (Path d : e.dropIns()) {
                    argv.addAll(List.of("-C", d.getParent().toString(), d.getFileName().toString()));
                }
            }
            return argv;
        }
    }
}
