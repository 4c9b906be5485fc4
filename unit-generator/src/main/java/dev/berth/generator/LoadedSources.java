package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import java.util.List;

/**
 * The Quadlet files found, drop-ins applied, and every problem met while reading them.
 *
 * @param units the files that could be read and parsed, in load order (directory order, then name)
 * @param diagnostics unreadable directories and files, parse errors, drop-in problems
 */
public record LoadedSources(List<SourceUnit> units, List<Diagnostic> diagnostics) {

    public LoadedSources {
        units = List.copyOf(units);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
