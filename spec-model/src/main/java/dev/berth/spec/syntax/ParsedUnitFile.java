package dev.berth.spec.syntax;

import dev.berth.spec.Diagnostic;
import java.util.List;

/** The result of parsing: the file as far as it could be read, and every problem found on the way. */
public record ParsedUnitFile(UnitFile file, List<Diagnostic> diagnostics) {

    public ParsedUnitFile {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) { // a loop, not a stream: asked once per file read, often cold
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }
}
