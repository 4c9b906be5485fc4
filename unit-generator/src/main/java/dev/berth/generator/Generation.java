package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole generation short of writing: load the sources, check them, translate them. Shared by the systemd
 * generator and {@code berth generate} / {@code berth check}, so they cannot disagree.
 */
public final class Generation {

    /**
     * @param sources the files that were loaded
     * @param units the translation result
     * @param diagnostics everything, in order: loading, checks, translation
     * @param failedFiles the files that produced an error (unreadable, unparsable or untranslatable)
     */
    public record Outcome(List<SourceUnit> sources, UnitSet units, List<Diagnostic> diagnostics, Set<String> failedFiles) {
        public Outcome {
            sources = List.copyOf(sources);
            diagnostics = List.copyOf(diagnostics);
            failedFiles = Set.copyOf(failedFiles);
        }

        public boolean hasErrors() {
            return !failedFiles.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError);
        }

        public long errorCount() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        public long warningCount() {
            return diagnostics.size() - errorCount();
        }
    }

    private Generation() {
    }

    /** Under a target older than the {@code .artifact} kind, artifact files are skipped unread, as that Quadlet does. */
    private static LoadedSources withoutUnknownKinds(LoadedSources loaded, GeneratorOptions options) {
        if (options.target().has(dev.berth.spec.quadlet.QuadletBehaviour.ARTIFACT_KIND)) {
            return loaded;
        }
        List<SourceUnit> kept = new ArrayList<>();
        for (SourceUnit u : loaded.units()) {
            if (u.kind() != dev.berth.spec.quadlet.UnitKind.ARTIFACT) {
                kept.add(u);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic d : loaded.diagnostics()) {
            if (!d.position().file().endsWith(".artifact")) {
                diagnostics.add(d);
            }
        }
        return new LoadedSources(kept, diagnostics);
    }

    /** Loads {@code paths} (see {@link SourceLoader#load}) and translates what loads. */
    public static Outcome run(List<Path> paths, GeneratorOptions options, HostView host) {
        LoadedSources loaded = SourceLoader.load(paths);
        return translate(loaded, options, host);
    }

    public static Outcome translate(LoadedSources loaded, GeneratorOptions options, HostView host) {
        loaded = withoutUnknownKinds(loaded, options);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        for (Optional<Diagnostic> d : Parallel.map(loaded.units(), ImageNameCheck::check)) {
            if (d.isPresent()) { // not d.ifPresent(all::add), which makes a method reference for every file
                all.add(d.get());
            }
        }
        UnitSet set = Generator.generate(loaded.units(), options, host);
        all.addAll(set.diagnostics());
        Set<String> failed = new LinkedHashSet<>();
        for (Diagnostic d : loaded.diagnostics()) {
            if (d.isError()) {
                failed.add(d.position().file());
            }
        }
        failed.addAll(set.failedFiles());
        return new Outcome(loaded.units(), set, all, failed);
    }
}
