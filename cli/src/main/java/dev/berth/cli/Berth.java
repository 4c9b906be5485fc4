package dev.berth.cli;

import dev.berth.generator.Environment;
import dev.berth.install.FileStore;
import dev.berth.systemd.BusScope;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code berth} command. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Compiles Podman Quadlet files (.container .volume .network .pod .kube .image .build .artifact, and "
                    + "berth's YAML specs, .berth.yaml) into systemd units, the same units Quadlet generates (by "
                    + "default 6.0; QuadletVersion= in /etc/berth/berth.conf pins an older version, 5.4 to 5.8), "
                    + "with compiler-style diagnostics (file:line:col, and a fix when one is known).",
            "",
            "At boot and at every daemon-reload, systemd runs berth-generator (see berth-generator -help); "
                    + "generate and check run the same translation by hand. The other commands run the generated "
                    + "units under systemd (over D-Bus), by the names of their Quadlet files: web, web.service or "
                    + "web.container. Every one of them takes --user (your own user's systemd and search path) and "
                    + "--format json; like systemctl's, --user, -q and --no-pager may also come before the command."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success, no errors",
            "1:a file has errors, a job failed, or systemd cannot be reached",
            "2:usage error (unknown option, bad argument)",
            "3:status, is-active: a named unit is not active",
            "4:a named unit does not exist (as systemctl)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth check                            check the system search path",
            "  berth check --user                     check the user's search path",
            "  berth generate web.container           print the unit of one file",
            "  berth generate -o /tmp/units examples  write units and links into /tmp/units",
            "  berth start web                        start web and wait until it runs",
            "  berth status --user                    your own units and their state",
            "  berth enable --now web                 start web now and at every boot",
            "  berth logs -f web                      follow web's log",
            "  berth apply examples/quadlet           install, reload, restart what changed",
            "  berth remove web                       stop web.service, delete web.container",
            "  berth checkpoint web                   save web's state (CRIU), stop it cleanly",
            "  berth restore web                      start web from its newest checkpoint",
            "  berth convert -o units compose.yaml    a Compose file as Quadlet units",
            "  berth sandbox up                       a disposable systemd host to try units on",
            "",
            "Run 'berth help COMMAND' or 'berth COMMAND --help' for a command's options."})
public final class Berth implements Runnable {

    @Spec
    CommandSpec spec;

    private final Session session;

    Berth(Session session) {
        this.session = session;
    }

    /**
     * What the commands share: the streams they print to, the process environment, and the edges to the
     * outside that tests replace: how systemd is reached, how journalctl is run, and the clock (uptimes, and the
     * time zone log timestamps are shown in).
     */
    record Session(PrintStream out, PrintStream err, Environment env, SystemdFactory systemd,
                   JournalRunner journal, Clock clock, boolean terminal) {

        /** The real edges: D-Bus, the journalctl process, the system clock in the local time zone. */
        Session(PrintStream out, PrintStream err, Environment env) {
            this(out, err, env, SystemdFactory.dbus(), JournalRunner.process(), new LocalClock());
        }

        /** Output that is not a terminal (tests, pipes): no progress lines. */
        Session(PrintStream out, PrintStream err, Environment env, SystemdFactory systemd, JournalRunner journal,
                Clock clock) {
            this(out, err, env, systemd, journal, clock, false);
        }

        /** A connection to the system manager, or with {@code user} to the caller's own; the caller closes it. */
        Systemd connect(boolean user) throws SystemdException {
            return systemd.connect(user ? BusScope.USER : BusScope.SYSTEM);
        }
    }

    @Override
    public void run() {
        // "berth" alone is a usage error: a command is required.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND (see berth --help)");
    }

    public static void main(String[] args) {
        // A failure on a helper thread (the early D-Bus connection, journalctl's reaper) is one line too.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                System.err.println("berth: internal error in " + thread.getName() + ": " + e + "; " + InternalErrors.FIX));
        SystemdFactory systemd = EarlyConnection.forArgs(List.of(args), SystemdFactory.dbus());
        int status = execute(args, new Session(System.out, System.err, Environment.system(), systemd,
                JournalRunner.process(), new LocalClock(), Terminal.stdoutIsTerminal()));
        if (systemd instanceof EarlyConnection early) {
            early.close();
        }
        System.exit(status);
    }

    /** Runs {@code berth args}; returns the exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Environment env) {
        return execute(args, new Session(out, err, env));
    }

    /** Runs {@code berth args} with the given edges (a fake systemd, recorded journal output, a fixed clock). */
    static int execute(String[] given, Session session) {
        String[] args = GlobalOptions.commandFirst(given, COMMANDS);
        PrintStream out = session.out();
        PrintStream err = session.err();
        Optional<JobCommand> plain = PlainJobLine.parse(args, session);
        if (plain.isPresent()) {
            return runPlain(plain.get(), args, session);
        }
        int status;
        try {
            status = runPicocli(args, session);
        } catch (RuntimeException | Error e) { // picocli passes JVM errors (a stack overflow) through; set-up may fail too
            status = InternalErrors.report(e, args, session);
        }
        out.flush();
        err.flush();
        return status;
    }

    /** The command line through picocli: its model, handlers and colours, then the command. */
    private static int runPicocli(String[] args, Session session) {
        PrintStream out = session.out();
        PrintStream err = session.err();
        CommandLine cmd = new CommandLine(new Berth(session));
        // picocli builds a command's model by reflection over its options, which costs start-up time (a tenth of
        // a second for all of them): a command line that begins with a command's name needs only that command.
        // Anything else (berth --help, berth help, a misspelt command that wants suggestions) gets them all.
        String first = args.length > 0 ? args[0] : "";
        boolean onlyFirst = COMMANDS.contains(first) && !first.equals("help");
        for (String name : COMMANDS) {
            if (!onlyFirst || name.equals(first)) {
                cmd.addSubcommand(name, command(name, session));
            }
        }
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(Colours.choose(session.env())));
        // A usage error: the problem, a suggestion for a misspelt option or command, and where the help is;
        // not the whole help text, which would bury the one line that matters.
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter w = c.getErr();
            Optional<String> meant = misspeltCommand(ex, cmd);
            if (meant.isPresent()) {
                // picocli's own suggestions rank by shared letter pairs, and offer 'status' for 'strat'.
                String typed = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0);
                w.println("berth: unknown command '" + typed + "'; did you mean '" + meant.get() + "'?");
                w.println("Run 'berth --help' for the list of commands.");
                w.flush();
                return CommandLine.ExitCode.USAGE;
            }
            w.println("berth: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            w.flush();
            return CommandLine.ExitCode.USAGE;
        });
        // A bug in a command: one line (or the JSON errors document), never picocli's stack trace.
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report(ex, args, session));
        return cmd.execute(args);
    }

    /**
     * The command a misspelt first word meant ({@code strat} for {@code start}), ranked like every did-you-mean in
     * berth; empty when the error is another one, or no command is close.
     */
    private static Optional<String> misspeltCommand(CommandLine.ParameterException ex, CommandLine top) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || ex.getCommandLine() != top
                || u.getUnmatched().isEmpty() || u.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        String typed = u.getUnmatched().get(0).toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : COMMANDS) {
            int d = UnitNameResolver.distance(typed, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * Runs a {@link PlainJobLine} command as picocli's {@code execute} would: its status, or 1 for a bug (reported
     * without a stack trace). Typed
     * {@code Callable}: picocli reflects over this class's methods, and a {@code JobCommand} in a signature would load
     * that class for every other command too.
     */
    private static int runPlain(Callable<Integer> command, String[] args, Session session) {
        int status;
        try {
            status = command.call();
        } catch (Exception | Error e) {
            status = InternalErrors.report(e, args, session);
        }
        session.out().flush();
        session.err().flush();
        return status;
    }

    /** Every command, in the order the help lists them. */
    static final List<String> COMMANDS = List.of("generate", "check", "apply", "remove", "start", "stop",
            "restart", "reload", "status", "list", "logs", "is-active", "is-enabled", "is-failed", "cat", "show",
            "daemon-reload", "enable", "disable", "checkpoint", "restore", "checkpoints", "migrate", "convert", "schema",
            "sandbox", "keys", "help");

    /**
     * The command of that name. A switch, not a map of lambdas: the JDK 25.0.3 AOT cache assembly crashes
     * (ArchiveHeapWriter, "Metadata ... should have been archived") on a training run that made such lambdas,
     * and packaging/build-aot then leaves an empty berth.aot.
     */
    static Object command(String name, Session session) {
        return switch (name) {
            case "generate" -> new GenerateCommand(session);
            case "check" -> new CheckCommand(session);
            case "apply" -> new ApplyCommand(session, FileStore.atomic());
            case "remove" -> new RemoveCommand(session, FileStore.atomic());
            case "start" -> new JobCommand.Start(session);
            case "stop" -> new JobCommand.Stop(session);
            case "restart" -> new JobCommand.Restart(session);
            case "reload" -> new JobCommand.Reload(session);
            case "status" -> new StatusCommand(session);
            case "list" -> new ListCommand(session);
            case "logs" -> new LogsCommand(session);
            case "is-active" -> new UnitQueryCommand.IsActive(session);
            case "is-enabled" -> new UnitQueryCommand.IsEnabled(session);
            case "is-failed" -> new UnitQueryCommand.IsFailed(session);
            case "cat" -> new CatCommand(session);
            case "show" -> new ShowCommand(session);
            case "daemon-reload" -> new DaemonReloadCommand(session);
            case "enable" -> new EnableCommand.Enable(session);
            case "disable" -> new EnableCommand.Disable(session);
            case "checkpoint" -> new CheckpointCommand(session);
            case "restore" -> new RestoreCommand(session);
            case "checkpoints" -> new CheckpointsCommand(session);
            case "migrate" -> new MigrateCommand(session);
            case "convert" -> new ConvertCommand(session);
            case "schema" -> new SchemaCommand(session);
            case "sandbox" -> SandboxCommand.commandLine(session, Sandbox.processes());
            case "keys" -> new KeysCommand(session);
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.line()};
        }
    }
}
