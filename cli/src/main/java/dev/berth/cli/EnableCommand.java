package dev.berth.cli;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.install.EnableChoice.Choice;
import dev.berth.install.EnableChoice;
import dev.berth.install.EnableReport;
import dev.berth.install.Enablement;
import dev.berth.install.InstallLock;
import dev.berth.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/**
 * {@code berth enable|disable [--now] NAME...}: resolves the names, runs {@link Enablement} under the install lock
 * and prints its report.
 */
abstract class EnableCommand implements Callable<Integer> {

    static final String JSON_SHAPE = "JSON: {\"reloaded\": bool, \"units\": [{name, given, enabled, action "
            + "(written, removed, unchanged), dropIn, links: [TARGET.wants/NAME...], problem, fix, job: {result, "
            + "succeeded, problem, fix} | null}]}.";

    private final Berth.Session session;
    private final Choice choice;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Option(names = "--now", description = "Also start (enable) or stop (disable) the units, and wait for the jobs.")
    boolean now;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = JobCommand.NAMES)
    List<String> names = new ArrayList<>();

    EnableCommand(Berth.Session session, Choice choice) {
        this.session = session;
        this.choice = choice;
    }

    private boolean enable() {
        return choice == Choice.ENABLE;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        return InstallLock.around(manager.user, session.env(), session.err(), () -> choose(console),
                problem -> console.failAll(List.of(problem)));
    }

    private int choose(Console console) {
        Targets.Result resolved = Targets.resolveWithStatus(session, manager.user, names, enable(), console);
        if (resolved.status() != Console.OK) {
            return resolved.status();
        }
        Optional<List<Found>> found = Optional.of(resolved.found());
        List<Enablement.Target> targets = new ArrayList<>();
        for (Found f : found.get()) {
            if (!f.unit().equals(f.from().service())) {
                String instanceFile = f.unit().replace(".service", "." + f.from().source().kind().extension());
                return console.fail("instance", Optional.of(f.given()), f.unit() + " is an instance of "
                        + f.from().fileName() + ", which has no file of its own to record the choice in",
                        Optional.of("create " + instanceFile + " as a symbolic link to " + f.from().fileName()
                                + " beside it, then 'berth " + (enable() ? "enable" : "disable") + " "
                                + instanceFile + "'"));
            }
            targets.add(new Enablement.Target(f.given(), f.unit(), f.from()));
        }
        EnableReport report = new Enablement(manager.user, session.env(),
                EnableChoice.adminDirectory(manager.user, session.env()), () -> session.connect(manager.user))
                .run(choice, targets, now);
        if (!report.errors().isEmpty()) {
            printRows(console, report);
            return console.failAll(report.errors());
        }
        if (console.json()) {
            console.document(new Document(report.reloaded(), report.units().stream().map(RowJson::of).toList()));
        } else {
            printRows(console, report);
            if (report.reloaded()) {
                console.out("reloaded the " + (manager.user ? "user's" : "system") + " manager");
            }
        }
        return report.failed() ? Console.FAILED : Console.OK;
    }

    /** The JSON document, see {@link #JSON_SHAPE}. */
    record Document(boolean reloaded, List<RowJson> units) {
    }

    record RowJson(String name, String given, String action, String dropIn, Optional<Boolean> enabled,
                   List<String> links, Optional<String> problem, Optional<String> fix,
                   Optional<EnableReport.Job> job) {
        static RowJson of(EnableReport.Row r) {
            return new RowJson(r.name(), r.given(), r.action().name().toLowerCase(Locale.ROOT), r.dropIn(),
                    r.enabled(), r.links(), r.problem().map(Problem::problem), r.problem().flatMap(Problem::fix),
                    r.job());
        }
    }

    private void printRows(Console console, EnableReport report) {
        if (console.json()) {
            return;
        }
        String verb = enable() ? "enabled" : "disabled";
        for (EnableReport.Row row : report.units()) {
            String how = switch (row.action()) {
                case WRITTEN -> ": wrote " + row.dropIn();
                case REMOVED -> ": removed " + row.dropIn();
                case UNCHANGED -> " (already)";
            };
            console.out(verb + " " + row.name() + how
                    + (row.links().isEmpty() ? "" : " [" + String.join(" ", row.links()) + "]"));
            row.problem().ifPresent(p -> {
                console.out("  problem: " + p.problem());
                console.out("  fix: " + p.fix().orElse(""));
            });
            row.job().ifPresent(job -> console.out("  " + (job.succeeded()
                    ? (enable() ? "started " : "stopped ") + row.name() : job.problem().orElse(job.result()))));
        }
    }

    @Command(name = "enable",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Makes units start at boot (systemctl enable refuses units that a generator makes).",
                "",
                "Records the choice in the Quadlet file's own drop-in directory, as NAME.container.d/"
                        + EnableChoice.FILE_NAME + " with '[Install] WantedBy=multi-user.target' "
                        + "(default.target with --user); a file whose [Install] already names a target needs no "
                        + "drop-in, and an earlier 'berth disable' is undone. Then reloads systemd, so that "
                        + "berth-generator makes the links now and at every boot. The file is replaced atomically; "
                        + "enabling twice changes nothing.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:enabled (and started, with --now)", "1:the drop-in cannot be "
                    + "written, another drop-in overrides it, a start failed, or systemd cannot be reached",
                "2:usage error", "4:a name is unknown"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth enable web", "  berth enable --now web.container", "  berth enable --user --now web"})
    static final class Enable extends EnableCommand {
        Enable(Berth.Session session) {
            super(session, Choice.ENABLE);
        }
    }

    @Command(name = "disable",
            mixinStandardHelpOptions = true,
            versionProvider = Berth.VersionProvider.class,
            description = {
                "Makes units no longer start at boot.",
                "",
                "Records the choice in the Quadlet file's own drop-in directory, as NAME.container.d/"
                        + EnableChoice.FILE_NAME + ": when the file's [Install] names targets, the drop-in "
                        + "clears WantedBy=, RequiredBy= and UpheldBy= (Alias= is kept); an earlier "
                        + "'berth enable' is undone. Then reloads systemd, so that berth-generator drops the "
                        + "links. The file stays untouched; disabling twice changes nothing.",
                "",
                JSON_SHAPE},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:disabled (and stopped, with --now)", "1:the drop-in cannot be "
                    + "written, another drop-in overrides it, a stop failed, or systemd cannot be reached",
                "2:usage error", "4:a name is unknown"},
            footerHeading = "%nExamples:%n",
            footer = {"  berth disable web", "  berth disable --now web.container"})
    static final class Disable extends EnableCommand {
        Disable(Berth.Session session) {
            super(session, Choice.DISABLE);
        }
    }
}
