package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * The result of one generation: the units that could be generated, every diagnostic, and which source files
 * failed. Nothing is written yet; that happens at the edge.
 */
public record UnitSet(List<GeneratedUnit> units, List<Diagnostic> diagnostics, Set<String> failedFiles) {

    public UnitSet {
        units = List.copyOf(units);
        diagnostics = List.copyOf(diagnostics);
        failedFiles = Set.copyOf(failedFiles);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
