package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
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
        ordered.sort(Comparator.comparingInt(Generator::outputRank));
        UnitIndex index = UnitIndex.of(ordered);
        List<GeneratedUnit> units = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        for (SourceUnit source : ordered) {
            TranslationContext ctx = new TranslationContext(source, options, index, host);
            Optional<Diagnostic> badName = ServiceNameCheck.check(source, index.find(source.fileName()).orElseThrow());
            if (badName.isPresent()) {
                diagnostics.add(badName.get());
                failed.add(source.path());
                continue;
            }
            Optional<dev.berth.spec.syntax.UnitFile> unit;
            try {
                unit = Translators.of(source.kind()).translate(source, ctx);
            } catch (RuntimeException e) {
                // A bug in one translation must not take the other files down with it.
                ctx.error(dev.berth.spec.Position.ofFile(source.path()),
                        "internal error while translating this file: " + e, "please report this as a berth bug");
                unit = Optional.empty();
            }
            diagnostics.addAll(ctx.diagnostics());
            if (ctx.failed() || unit.isEmpty()) {
                failed.add(source.path());
                continue;
            }
            String name = index.find(source.fileName()).orElseThrow().serviceFileName();
            units.add(new GeneratedUnit(name, source, unit.get()));
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
