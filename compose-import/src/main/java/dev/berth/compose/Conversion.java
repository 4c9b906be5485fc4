package dev.berth.compose;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.yaml.BerthYaml;
import java.util.List;

/**
 * The units a Compose file became, and what was reported on the way: every Compose feature without an equivalent
 * is a warning naming the service and the key, never dropped in silence.
 */
public record Conversion(String project, List<BerthYaml.Unit> units, List<Diagnostic> diagnostics) {

    public Conversion {
        units = List.copyOf(units);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
