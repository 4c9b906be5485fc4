package dev.berth.cli;

import dev.berth.install.Apply;
import dev.berth.install.ChangeReport;
import dev.berth.install.FileStore;
import dev.berth.install.InstallSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code berth apply}. */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Installs Quadlet files and brings systemd in line with them, idempotently.",
            "",
            "1. Validates everything first, with the same checks as 'berth check', together with the files already "
                    + "installed (so references between files resolve). On any error it prints the positioned "
                    + "diagnostics and changes nothing. Errors that were already there in files this apply does not "
                    + "touch are shown but do not stop it.",
            "2. Compares: each file is added, changed or unchanged (byte for byte) in the install directory "
                    + "(/etc/containers/systemd, or with --user $XDG_CONFIG_HOME/containers/systemd, default "
                    + "~/.config/containers/systemd), and the units generated from the old and the new files are "
                    + "compared per service.",
            "3. Installs the changed files atomically (temporary file in the same directory, fsync, rename; "
                    + "directories 0755, files 0644). If a write fails, the files already replaced are restored.",
            "4. Reloads systemd over D-Bus, so the generator runs on the new files.",
            "5. Restarts the units whose generated unit changed and that are running (or failed), starts the new "
                    + "units that are enabled through [Install] (WantedBy=, RequiredBy=, UpheldBy=), and stops "
                    + "running units that are no longer generated. The jobs run concurrently.",
            "",
            "Only one 'berth apply', 'remove', 'enable' or 'disable' changes a manager's files at a time: a second "
                    + "one waits for the first, and says so on standard error (the lock is "
                    + "/run/berth/install.lock, or $XDG_RUNTIME_DIR/berth-install.lock with --user; a lock file or directory that another user owns or could replace is refused). A dry run "
                    + "does not wait.",
            "",
            "It converges on what systemd reports, not only on the file diff: it also reloads when systemd has not "
                    + "loaded one of the applied units, reports NeedDaemonReload for it, or loaded an older generated "
                    + "file, restarts such a unit when it runs, and starts an enabled unit that is not running. So "
                    + "after any failure (a reload refused, a start that failed, a kill) the same command again "
                    + "repairs; when everything is as the files say, nothing happens ('changed': false, no reload, "
                    + "no job). A failed reload is reported as such, with the starts it prevented as not run.",
            "",
            "A directory PATH is installed with its whole tree (files whose names start with '.' "
                    + "excepted); a Quadlet file PATH is installed at the top of the install directory with the "
                    + "drop-ins beside it; a drop-in directory PATH (web.container.d) keeps its name; any other "
                    + "file PATH (kube YAML, environment file) is installed at the top too. Files already "
                    + "installed that are not named are left alone (so are 'berth enable' choices): use "
                    + "'berth remove'.",
            "",
            "Text output: a unified diff per changed file, a line per unit acted on, and a summary "
                    + "('2 files changed, 1 unit restarted, 1 unit started'); diagnostics go to standard error. "
                    + "JSON output: {\"changed\": bool, \"dryRun\": bool, \"reloaded\": bool, \"files\": [{path, action}], "
                    + "\"units\": [{name, change, action, result, message}], \"diagnostics\": [...], "
                    + "\"errors\": [{kind, name, problem, fix}], "
                    + "\"summary\"}; action is added|changed|unchanged for files, restart|start|stop|none for units."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:applied (or nothing to change)",
            "1:a file has errors (nothing changed), a write or the reload failed, or a unit failed to "
                    + "(re)start",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth apply examples/quadlet          install a directory of Quadlet files",
            "  berth apply -n web.container          show the diff and the units it would restart",
            "  berth apply --user ~/quadlets         rootless: ~/.config/containers/systemd",
            "  berth apply --format json site/       Ansible: changed_when: result.changed",
            "",
            "Environment: XDG_CONFIG_HOME, HOME (--user install directory), XDG_RUNTIME_DIR, QUADLET_UNIT_DIRS "
                    + "(search path), PODMAN; DBUS_SYSTEM_BUS_ADDRESS, DBUS_SESSION_BUS_ADDRESS (how systemd is "
                    + "reached)."})
final class ApplyCommand implements Callable<Integer> {

    private final Berth.Session session;
    private final FileStore store;

    @Option(names = "--user", description = "Install into the user's directory and talk to the user's systemd.")
    boolean user;

    @Option(names = {"-n", "--dry-run"},
            description = "Validate and show what would change (diff, units to restart or start); change nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json.")
    OutputFormat format;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Quadlet files, directories of them, or files they refer to (kube YAML ...).")
    List<Path> paths = new ArrayList<>();

    ApplyCommand(Berth.Session session, FileStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Integer call() {
        return SiteChange.run(user, dryRun, format, session, this::apply);
    }

    private ChangeReport apply(InstallSite site) {
        return new Apply(site, () -> session.connect(user), store).run(paths, dryRun);
    }
}
