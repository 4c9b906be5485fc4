package dev.berth.cli;

import dev.berth.generator.Environment;
import dev.berth.generator.Generation;
import dev.berth.generator.ConfigFile;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.RunTimeChecks;
import dev.berth.generator.SearchPath;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.config.BerthConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code berth generate} and {@code berth check} read: the PATH arguments (each directory walked like a
 * search-path directory, each file on its own) or, without arguments, the generator's search path.
 */
record SourceSelection(List<Path> paths, List<Diagnostic> diagnostics) {

    /** The translation of a selection, with the selection's own diagnostics first. */
    record Compiled(SourceSelection selection, Generation.Outcome outcome, List<Diagnostic> diagnostics,
                    GeneratorOptions options) {
    }

    /** Selects what {@code common} names and translates it, as {@code berth generate} and {@code berth check} do. */
    static Compiled compile(CommonOptions common, Environment env) {
        BerthConfig config = ConfigFile.load(common.user, env);
        SourceSelection selection = of(common.paths, common.user, env, config);
        GeneratorOptions options = ConfigFile.options(common.user, env, config);
        Generation.Outcome outcome = Generation.run(selection.paths(), options, HostView.real());
        List<Diagnostic> diagnostics = new ArrayList<>(config.diagnostics());
        diagnostics.addAll(selection.diagnostics());
        diagnostics.addAll(outcome.diagnostics());
        // A line the translation already refused (KillMode=process) needs no second, softer word about it.
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (Diagnostic d : outcome.diagnostics()) {
            if (d.isError()) {
                refused.add(d.position().file() + ":" + d.position().line());
            }
        }
        for (Diagnostic d : new RunTimeChecks().check(outcome.sources())) {
            if (!refused.contains(d.position().file() + ":" + d.position().line())) {
                diagnostics.add(d);
            }
        }
        return new Compiled(selection, outcome, diagnostics, options);
    }

    static SourceSelection of(List<Path> arguments, boolean user, Environment env) {
        return of(arguments, user, env, ConfigFile.load(user, env));
    }

    static SourceSelection of(List<Path> arguments, boolean user, Environment env, BerthConfig config) {
        if (arguments.isEmpty()) {
            SearchPath.Result r = SearchPath.resolve(user, env, config.quadletVersion());
            return new SourceSelection(r.directories(), r.diagnostics());
        }
        LinkedHashSet<Path> paths = new LinkedHashSet<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path a : arguments) {
            Path abs = a.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                SearchPath.Result r = SearchPath.expand(List.of(abs));
                paths.addAll(r.directories());
                diagnostics.addAll(r.diagnostics());
                if (r.directories().isEmpty()) {
                    // A drop-in directory given by name: say why nothing was read from it.
                    diagnostics.add(Diagnostic.warning(dev.berth.spec.Position.ofFile(abs.toString()),
                            "directories ending in '.d' hold drop-ins and are not read as source directories",
                            "pass the directory that contains it"));
                }
            } else {
                paths.add(abs); // a file, or a missing path the loader reports
            }
        }
        return new SourceSelection(List.copyOf(paths), diagnostics);
    }
}
