package dev.berth.generator.corpus;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Environment;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.SearchPath;
import dev.berth.spec.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs berth in-process on a staged case as {@code berth-generator -dryrun [-user]} does with
 * {@code QUADLET_UNIT_DIRS=<the case's directory>} and no other environment (the reference runs under
 * {@code env -i}): the search path from that variable, walked recursively ({@link SearchPath}), then the shared
 * {@link Generation} pipeline (loading with drop-ins, checks, translation), then the dry-run rendering.
 */
public final class BerthRun {

    private BerthRun() {
    }

    public static BerthOutput run(CorpusCase c, Path stagedDir) {
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", stagedDir.toString()), 0);
        SearchPath.Result search = SearchPath.resolve(c.user(), env);
        GeneratorOptions options = new GeneratorOptions(c.user(), GeneratorOptions.DEFAULT_PODMAN,
                c.reference().target());
        Generation.Outcome outcome = Generation.run(search.directories(), options, HostView.real());
        List<Diagnostic> all = new ArrayList<>(search.diagnostics());
        all.addAll(outcome.diagnostics());
        // Through bytes and back, as the golden was read, so undecodable characters compare alike.
        String stdout = outcome.sources().isEmpty() ? ""
                : new String(DryRunOutput.render(outcome.units()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return new BerthOutput(stdout, all);
    }
}
