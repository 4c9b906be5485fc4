package dev.berth.cli;

import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code berth check}. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Validates Quadlet files without writing anything.",
            "",
            "Runs the full translation (so it finds everything the generator would reject) and prints every "
                    + "problem as 'file:line:col: error|warning: message; fix', sorted by position, followed by "
                    + "'N files checked, E errors, W warnings'. Unknown keys come with a suggestion when one is "
                    + "close ('did you mean ...?'). A key newer than the Quadlet version target ([Generator] QuadletVersion= "
                    + "in berth.conf, default the newest) is an error; a key newer than the installed podman "
                    + "('podman --version') is a warning.",
            "",
            "Beyond what the generator refuses (errors), check warns about what Quadlet accepts but systemd or "
                    + "podman refuses or ignores when the unit runs: unknown sections and [Unit]/[Service]/[Install] "
                    + "keys (systemd 257's directives), values systemd cannot parse (time spans, booleans, "
                    + "Restart=, Type=, KillMode=, ...), unit names without a type (WantedBy=multi-user), several "
                    + "ExecStart= outside Type=oneshot, podman values (Pull=, AutoUpdate=, PublishPort=, Volume= "
                    + "options, LogDriver=, HealthOnFailure=) and one ContainerName= in two files. docs/check.md "
                    + "lists them."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no errors (warnings allowed, unless --strict)",
            "1:at least one error (with --strict: or a warning)",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth check                                  the system search path",
            "  berth check --user                           the user's search path",
            "  berth check web.container db.volume",
            "  berth check --format json /etc/containers/systemd",
            "",
            "Environment: QUADLET_UNIT_DIRS (colon-separated absolute directories replacing the search path), "
                    + "XDG_RUNTIME_DIR, XDG_CONFIG_HOME, HOME (rootless search path), PODMAN (also asked for its "
                    + "version), BERTH_CONFIG (another berth.conf than /etc/berth/berth.conf, or "
                    + "$XDG_CONFIG_HOME/berth/berth.conf with --user: [Generator] QuadletVersion=, the Quadlet "
                    + "version whose output berth generates)."})
final class CheckCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too: for CI, where a unit that will "
            + "fail or lose a line at run time should stop the change.")
    boolean strict;

    CheckCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        SourceSelection.Compiled compiled = SourceSelection.compile(common, session.env());
        Generation.Outcome outcome = compiled.outcome();
        List<Diagnostic> diagnostics = new ArrayList<>(compiled.diagnostics());
        // Keys newer than the target are errors of the translation; keys newer than the podman installed here
        // are warnings, found by asking podman (check may, the generator must not).
        InstalledPodman.version(session.env()).ifPresent(v -> diagnostics.addAll(
                InstalledPodman.newerKeys(outcome.sources(), v, compiled.options())));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        if (common.format == OutputFormat.JSON) {
            session.out().print(Reports.json(outcome, diagnostics, false));
        } else {
            for (Diagnostic d : Reports.sorted(diagnostics)) {
                session.out().println(d.format());
            }
            session.out().println(Reports.summary(Reports.files(outcome).size(), errors, diagnostics.size() - errors));
        }
        boolean warnings = diagnostics.size() > errors;
        return errors > 0 || outcome.hasErrors() || (strict && warnings) ? 1 : 0;
    }
}
