package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pure core: Quadlet files in, a {@link UnitSet} out. No files are read or written here.
 */
public final class Generator {

    private Generator() {
    }

    public static UnitSet generate(List<SourceUnit> sources, GeneratorOptions options, HostView host) {
        // Resources (images, volumes, networks) come first in the output, then builds, containers and pods,
        // the order Quadlet uses; the sort is stable so files of one kind keep their load order.
        List<SourceUnit> ordered = new ArrayList<>(sources);
        // A plain lambda: Comparator.comparingInt makes a serializable one, which the AOT cache cannot keep.
        ordered.sort((a, b) -> Integer.compare(outputRank(a), outputRank(b)));
        UnitIndex index = UnitIndex.of(ordered, options.target());
        // Each file's translation reads only its own file and the index, so they run on all cores; the results
        // are put together in order.
        List<Translated> translated = Parallel.map(ordered, source -> translate(source, options, index, host));
        List<GeneratedUnit> units = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        for (Translated t : translated) {
            if (!t.diagnostics().isEmpty()) {
                diagnostics.addAll(t.diagnostics());
            }
            if (t.unit() == null) {
                failed.add(t.source().path());
            } else {
                units.add(t.unit());
            }
        }
        List<Diagnostic> cycles = DependencyCycles.find(units);
        if (!cycles.isEmpty()) {
            diagnostics.addAll(cycles);
            Set<String> onCycle = new LinkedHashSet<>();
            cycles.forEach(d -> onCycle.add(d.position().file()));
            units.removeIf(u -> onCycle.contains(u.source().path()));
            failed.addAll(onCycle);
        }
        return new UnitSet(units, diagnostics, failed);
    }

    /** One file's translation: the unit, or null when the file failed; and what was reported. */
    private record Translated(SourceUnit source, GeneratedUnit unit, List<Diagnostic> diagnostics) {
    }

    private static Translated translate(SourceUnit source, GeneratorOptions options, UnitIndex index, HostView host) {
        UnitInfo info = index.get(source.fileName());
        Optional<Diagnostic> badName = ServiceNameCheck.check(source, info);
        if (badName.isPresent()) {
            return new Translated(source, null, List.of(badName.get()));
        }
        TranslationContext ctx = new TranslationContext(source, options, index, host);
        Optional<dev.berth.spec.syntax.UnitFile> unit;
        try {
            unit = Translators.of(source.kind()).translate(source, ctx);
        } catch (RuntimeException e) {
            // A bug in one translation must not take the other files down with it.
            reportInternalError(ctx, source, e);
            unit = Optional.empty();
        }
        if (ctx.failed() || unit.isEmpty()) {
            return new Translated(source, null, ctx.diagnostics());
        }
        return new Translated(source, new GeneratedUnit(info.serviceFileName(), source, unit.get()), ctx.diagnostics());
    }

    private static void reportInternalError(TranslationContext ctx, SourceUnit source, RuntimeException e) {
        ctx.error(dev.berth.spec.Position.ofFile(source.path()),
                "internal error while translating this file: " + e, "please report this as a berth bug");
    }

    static int outputRank(SourceUnit u) {
        return switch (u.kind()) {
            case ARTIFACT, IMAGE -> 1;
            case VOLUME, NETWORK -> 2;
            case BUILD -> 3;
            case CONTAINER, KUBE -> 4;
            case POD -> 5;
        };
    }
}
