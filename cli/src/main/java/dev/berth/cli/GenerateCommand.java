package dev.berth.cli;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.UnitWriter;
import dev.berth.spec.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code berth generate}. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Translates Quadlet files into systemd units.",
            "",
            "Without --output (or with --dryrun) the units are printed to standard output in the form of "
                    + "Quadlet's -dryrun: '---NAME.service---', the unit, an empty line. With --output DIR they "
                    + "are written into DIR as berth-generator writes them (with the 'Automatically generated' "
                    + "comment, each file replaced atomically) together with the [Install] links "
                    + "(NAME.target.wants/..., Alias=). Diagnostics go to standard error as "
                    + "'file:line:col: error|warning: message; fix'. A file with errors is skipped; every other "
                    + "file is still generated."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every file was generated",
            "1:a file has errors, or a unit could not be written",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth generate examples/quadlet",
            "  berth generate --user --output /tmp/units ~/.config/containers/systemd",
            "  berth generate --format json web.container",
            "",
            "Environment: PODMAN (podman path written into the units, default /usr/bin/podman), "
                    + "QUADLET_UNIT_DIRS, XDG_RUNTIME_DIR, XDG_CONFIG_HOME, HOME (search path)."})
final class GenerateCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--dryrun", description = "Print the units instead of writing them, even with --output.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the units and their install links into DIR (created if missing).")
    Path output;

    GenerateCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        SourceSelection.Compiled compiled = SourceSelection.compile(common, session.env());
        Generation.Outcome outcome = compiled.outcome();
        List<Diagnostic> diagnostics = new ArrayList<>(compiled.diagnostics());
        boolean failed = outcome.hasErrors();
        boolean write = output != null && !dryRun;
        String writtenSummary = null;
        if (write && !outcome.units().units().isEmpty()) {
            UnitWriter.Result written = UnitWriter.write(outcome.units(), output, "berth");
            diagnostics.addAll(written.diagnostics());
            failed |= written.hasErrors();
            writtenSummary = "wrote " + written.files().size() + (written.files().size() == 1 ? " unit" : " units")
                    + " and " + written.links().size() + (written.links().size() == 1 ? " install link" : " install links")
                    + " to " + output;
        }
        if (common.format == OutputFormat.JSON) {
            session.out().print(Reports.json(outcome, diagnostics, true));
        } else {
            for (Diagnostic d : Reports.sorted(diagnostics)) {
                session.err().println(d.format());
            }
            if (!write) {
                session.out().print(DryRunOutput.render(outcome.units()));
            } else if (writtenSummary != null) {
                session.err().println(writtenSummary);
            }
        }
        if (outcome.sources().isEmpty() && common.format == OutputFormat.TEXT) {
            session.err().println("no Quadlet files found in " + describe(compiled.selection().paths()));
        }
        return failed ? 1 : 0;
    }

    static String describe(List<Path> paths) {
        return paths.isEmpty() ? "the search path (no directory exists)" : paths.toString();
    }
}
