package dev.berth.cli;

import dev.berth.install.ChangeReport;
import dev.berth.install.FileStore;
import dev.berth.install.InstallSite;
import dev.berth.install.ManagedUnit;
import dev.berth.install.Removal;
import dev.berth.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code berth remove}. */
@Command(name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Stops units and removes their Quadlet files from the install directory.",
            "",
            "For each NAME (web, web.container, web.service; see 'berth start') it removes the Quadlet file from "
                    + "the install directory (/etc/containers/systemd, or with --user "
                    + "$XDG_CONFIG_HOME/containers/systemd) and the files of its own drop-in directory "
                    + "(web.container.d/, where 'berth enable' writes). It removes nothing else: shared drop-in "
                    + "directories (container.d/), kube YAML and environment files stay, since other files may use "
                    + "them; remove those by hand. Files elsewhere on the search path (/usr/share, /run) are not "
                    + "berth's to remove.",
            "",
            "It refuses when another installed file refers to a removed one (a .container with Network=x.network) "
                    + "and shows where, unless --force; with --force the referring units fail to generate and are "
                    + "stopped too. Then it stops the running units, deletes the files (restoring them all if one "
                    + "delete fails), reloads systemd, and restarts units whose generated unit changed (for example "
                    + "a pod that lost a member). Output as 'berth apply'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:removed",
            "1:unknown name, still referenced, a stop, delete or the reload failed",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth remove web                    stop web.service, delete web.container",
            "  berth remove --dry-run db.network   show what would go, and who refers to it",
            "  berth remove --user --format json web"})
final class RemoveCommand implements Callable<Integer> {

    private final Berth.Session session;
    private final FileStore store;

    @Option(names = "--user", description = "Remove from the user's directory, stop in the user's systemd.")
    boolean user;

    @Option(names = {"-n", "--dry-run"}, description = "Show what would be stopped and removed; change nothing.")
    boolean dryRun;

    @Option(names = "--force",
            description = "Remove even when other installed files refer to the removed ones, or a stop failed.")
    boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json (the document 'berth apply' prints).")
    OutputFormat format;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Units to remove: web, web.container, web.service.")
    List<String> names = new ArrayList<>();

    RemoveCommand(Berth.Session session, FileStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Integer call() {
        return SiteChange.run(user, dryRun, format, session, this::remove);
    }

    private ChangeReport remove(InstallSite site) {
        BerthUnits units = BerthUnits.of(user, site.searchPath().directories(), session.env());
        List<Problem> errors = new ArrayList<>();
        List<ManagedUnit> chosen = new ArrayList<>();
        UnitNameResolver.Resolutions resolved = units.resolver().resolveAll(names);
        resolved.notFound().forEach(n -> errors.add(new Problem("unknown-unit", Optional.of(n.given()), n.problem(),
                n.fix())));
        for (UnitNameResolver.Found f : resolved.found()) {
            ManagedUnit u = f.from();
            if (!f.unit().equals(u.service())) {
                errors.add(Problem.about("instance", f.given(), "'" + f.given() + "' is an instance of "
                        + u.fileName() + "; instances have no file of their own", "stop it with 'berth stop "
                        + f.given() + "', or remove the template by its name, '" + u.fileName() + "'"));
                continue;
            }
            chosen.add(u);
        }
        if (!errors.isEmpty()) {
            errors.add(Problem.of("refused", "nothing was changed"));
            return ChangeReport.refused(dryRun, user, List.of(), errors);
        }
        return new Removal(site, () -> session.connect(user), store).run(chosen, force, dryRun);
    }
}
