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
        List<TranslationContext> translated = new ArrayList<>();
        for (SourceUnit source : ordered) {
            TranslationContext ctx = new TranslationContext(source, options, index, host);
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
            translated.add(ctx);
        }
        dropUnitsUsingFailedFiles(ordered, units, translated, diagnostics, failed);
        return new UnitSet(units, diagnostics, failed);
    }

    /**
     * A unit that uses the volume, network, image... of a file that could not be translated would name an object
     * nobody creates and require a service that does not exist (Quadlet 5.4.2 wrote an empty name there, or took
     * another branch). Such units are dropped with an error at the reference, repeatedly, since dropping one can
     * break another. {@code units} and {@code translated} are parallel lists.
     */
    private static void dropUnitsUsingFailedFiles(List<SourceUnit> sources, List<GeneratedUnit> units,
                                                  List<TranslationContext> translated, List<Diagnostic> diagnostics,
                                                  Set<String> failed) {
        Set<String> failedNames = new java.util.HashSet<>();
        for (SourceUnit s : sources) {
            if (failed.contains(s.path())) {
                failedNames.add(s.fileName());
            }
        }
        boolean changed = !failedNames.isEmpty();
        while (changed) {
            changed = false;
            for (int i = 0; i < units.size(); i++) {
                TranslationContext ctx = translated.get(i);
                Optional<TranslationContext.Reference> broken = ctx.references().stream()
                        .filter(r -> failedNames.contains(r.fileName())).findFirst();
                if (broken.isEmpty()) {
                    continue;
                }
                TranslationContext.Reference r = broken.get();
                diagnostics.add(Diagnostic.error(r.position(), r.key() + "= names " + r.fileName()
                                + ", which could not be translated, so this unit would use something that is never created",
                        "fix the errors reported for " + r.fileName()));
                failed.add(ctx.unit().path());
                failedNames.add(ctx.unit().fileName());
                units.remove(i);
                translated.remove(i);
                i--;
                changed = true;
            }
        }
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
