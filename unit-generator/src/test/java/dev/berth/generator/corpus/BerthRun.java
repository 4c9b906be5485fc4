package dev.berth.generator.corpus;

import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Environment;
import dev.berth.generator.Generator;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SearchPath;
import dev.berth.generator.SourceLoader;
import dev.berth.generator.UnitSet;
import dev.berth.spec.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs berth in-process on a staged case, the way {@code berth-generator -dryrun} does with
 * {@code QUADLET_UNIT_DIRS=<the case's directory>}: the search path from that variable (walked recursively),
 * loading with drop-ins, generation, and the dry-run rendering.
 */
public final class BerthRun {

    private BerthRun() {
    }

    public static BerthOutput run(CorpusCase c, Path stagedDir) {
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", stagedDir.toString()), 0);
        SearchPath.Result search = SearchPath.resolve(c.user(), env);
        LoadedSources loaded = SourceLoader.load(search.directories());
        GeneratorOptions options = c.user() ? GeneratorOptions.rootless() : GeneratorOptions.system();
        UnitSet set = Generator.generate(loaded.units(), options, HostView.real());
        List<Diagnostic> all = new ArrayList<>(search.diagnostics());
        all.addAll(loaded.diagnostics());
        all.addAll(set.diagnostics());
        // Through bytes and back, as the golden was read, so undecodable characters compare alike.
        String stdout = new String(DryRunOutput.render(set).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return new BerthOutput(stdout, all);
    }
}
