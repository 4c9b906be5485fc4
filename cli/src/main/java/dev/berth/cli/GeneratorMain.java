package dev.berth.cli;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Environment;
import dev.berth.generator.Generation;
import dev.berth.generator.ConfigFile;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SourceLoader;
import dev.berth.generator.SearchPath;
import dev.berth.generator.UnitWriter;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.config.BerthConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code berth-generator}: the systemd generator, a drop-in for Quadlet's {@code podman-system-generator} and
 * {@code podman-user-generator}. It runs very early at boot, so it loads few classes (no picocli, no Jackson,
 * no reflection), never talks to D-Bus or podman, and only reads the search path and writes the output directory.
 */
public final class GeneratorMain {

    /** Set by the launcher script to its {@code $0}: decides user mode and is named in the written units. */
    static final String NAME_PROPERTY = "berth.generator.name";
    static final String DEFAULT_NAME = "berth-generator";
    private static final Path KMSG = Path.of("/dev/kmsg");
    /** {@code -Dberth.generator.timing=true} prints how long each phase took to standard error (for tuning). */
    static final String TIMING_PROPERTY = "berth.generator.timing";

    private GeneratorMain() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(new OneLine()); // a class, not a lambda: no bootstrap at boot
        int status;
        try {
            status = run(args, System.out, System.err, Environment.system());
        } catch (RuntimeException | Error e) { // before the log exists (argument parsing): still one line
            System.err.println(DEFAULT_NAME + ": internal error: " + e + " (please report this as a berth bug)");
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** A failure on a worker thread, reported in one line like every other problem, not as a stack trace. */
    private static final class OneLine implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            System.err.println(DEFAULT_NAME + ": internal error in " + thread.getName() + ": " + e
                    + " (please report this as a berth bug)");
        }
    }

    /** Runs the generator; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
        return run(args, out, err, env, System.getProperty(NAME_PROPERTY, DEFAULT_NAME), KMSG);
    }

    /**
     * @param programName {@code argv[0]}: user mode when its file name contains "user"; named in the banner
     * @param kmsg the kernel log device, null for none
     */
    static int run(String[] args, PrintStream out, PrintStream err, Environment env, String programName, Path kmsg) {
        GeneratorArgs.Parsed parsed = GeneratorArgs.parse(args);
        if (parsed.error().isPresent()) {
            err.println(DEFAULT_NAME + ": " + parsed.error().get());
            err.print(GeneratorArgs.USAGE);
            return 2;
        }
        GeneratorArgs a = parsed.args().orElseThrow();
        if (a.help()) {
            out.print(GeneratorArgs.USAGE);
            return 0;
        }
        if (a.version()) {
            out.println(Version.line()); // the same line as berth --version
            return 0;
        }
        String baseName = Path.of(programName).getFileName() == null ? programName
                : Path.of(programName).getFileName().toString();
        boolean user = a.user() || baseName.contains("user");
        boolean toKmsg = !a.dryRun() && !a.noKmsg();
        try (GeneratorLog log = GeneratorLog.open(DEFAULT_NAME, err, toKmsg ? kmsg : null, a.dryRun(),
                a.verbose())) {
            if (!a.dryRun() && a.directories().isEmpty()) {
                log.error("missing output directory argument");
                return 1;
            }
            try {
                return generate(a, user, env, programName, out, log);
            } catch (RuntimeException | Error e) {
                // A bug, or a JVM error such as a stack overflow, must not leave systemd without a word nor print a
                // stack trace: say what happened, and fail like any error.
                log.error("internal error: " + e + " (please report this as a berth bug)");
                return 1;
            }
        }
    }

    private static int generate(GeneratorArgs a, boolean user, Environment env, String programName, PrintStream out,
            GeneratorLog log) {
        PhaseTimer timer = PhaseTimer.of(Boolean.getBoolean(TIMING_PROPERTY), log);
        // berth.conf: the Quadlet version target. A bad file is reported, and its bad settings keep their defaults.
        BerthConfig config = ConfigFile.load(user, env);
        SearchPath.Result search = SearchPath.resolve(user, env, config.quadletVersion());
        timer.lap("search path");
        report(search.diagnostics(), log);
        List<Path> dirs = search.directories();
        if (log.debugEnabled()) {
            log.debug((a.dryRun() ? "dry run" : "output to " + a.directories().get(0))
                    + (user ? ", user mode" : "") + "; search path: " + dirs);
        }
        report(config.diagnostics(), log);
        LoadedSources loaded = SourceLoader.load(search);
        timer.lap("load");
        Generation.Outcome outcome = Generation.translate(loaded, ConfigFile.options(user, env, config),
                HostView.real());
        timer.lap("translate");
        if (log.debugEnabled()) {
            outcome.sources().forEach(s -> log.debug("loaded " + s.path()));
        }
        report(outcome.diagnostics(), log);
        boolean failed = outcome.hasErrors() || config.hasErrors();
        if (outcome.sources().isEmpty()) {
            log.debug("no Quadlet files found in " + dirs);
        } else if (a.dryRun()) {
            // Each unit's encoded text written as it is, instead of print(), which encodes piecewise through a writer.
            DryRunOutput.write(outcome.units(), out);
            out.flush();
            timer.lap("render and write");
        } else {
            Path outputDir = Path.of(a.directories().get(0));
            UnitWriter.Result written = UnitWriter.write(outcome.units(), outputDir, programName);
            written.files().forEach(f -> log.debug("wrote " + f));
            written.links().forEach(l -> log.debug("linked " + l));
            report(written.diagnostics(), log);
            failed |= written.hasErrors();
            timer.lap("write");
        }
        if (failed) {
            log.error(outcome.failedFiles().isEmpty() ? "some units or links could not be written"
                    : outcome.failedFiles().size() + " of " + (outcome.sources().size() + countUnloaded(outcome))
                            + " files failed; every other file was generated");
            return 1;
        }
        return 0;
    }

    /** Failed files that never became sources (unreadable or unparsable), for the summary count. */
    private static int countUnloaded(Generation.Outcome outcome) {
        int n = 0;
        for (String f : outcome.failedFiles()) {
            if (outcome.sources().stream().noneMatch(s -> s.path().equals(f))) {
                n++;
            }
        }
        return n;
    }

    private static void report(List<Diagnostic> diagnostics, GeneratorLog log) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                log.error(d.format());
            } else {
                log.warning(d.format());
            }
        }
    }
}
