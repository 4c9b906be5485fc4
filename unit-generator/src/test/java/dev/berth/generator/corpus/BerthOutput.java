package dev.berth.generator.corpus;

import dev.berth.spec.Diagnostic;
import java.util.List;

/** What berth produced for a case: its dry-run text and every diagnostic, loading and generation alike. */
public record BerthOutput(String stdout, List<Diagnostic> diagnostics) {

    public BerthOutput {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
