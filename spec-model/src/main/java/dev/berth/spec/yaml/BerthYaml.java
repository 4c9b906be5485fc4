package dev.berth.spec.yaml;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFile;
import java.util.List;

/**
 * berth's YAML syntax for Quadlet units (docs/yaml.md): one file, {@code NAME.berth.yaml}, holding any number of
 * units of every kind under {@code units:}, each named by its Quadlet file name. The extension is its own so that
 * the Kubernetes YAML a {@code .kube} unit names is never read as a spec.
 */
public final class BerthYaml {

    public static final String EXTENSION = ".berth.yaml";

    /** The top-level key holding the units. */
    public static final String UNITS = "units";

    private BerthYaml() {
    }

    public static boolean isBerthYaml(String fileName) {
        return fileName.endsWith(EXTENSION) && fileName.length() > EXTENSION.length();
    }

    /** One unit of a spec: the Quadlet file it stands for ({@code web.container}) and its parsed content. */
    public record Unit(String fileName, UnitKind kind, UnitFile file) {
    }

    /** What a spec file gave: the units it defines (none when it has errors) and every problem found. */
    public record Parsed(List<Unit> units, List<Diagnostic> diagnostics) {
        public Parsed {
            units = List.copyOf(units);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }
}
