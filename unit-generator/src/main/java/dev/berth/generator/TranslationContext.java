package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one file's translation may consult, and where it reports problems. One context per file, so a
 * failure in one never leaks into another.
 */
public final class TranslationContext {
    private final SourceUnit unit;
    private final GeneratorOptions options;
    private final UnitIndex index;
    private final HostView host;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private SectionReader main;

    public TranslationContext(SourceUnit unit, GeneratorOptions options, UnitIndex index, HostView host) {
        this.unit = unit;
        this.options = options;
        this.index = index;
        this.host = host;
    }

    public SourceUnit unit() {
        return unit;
    }

    public GeneratorOptions options() {
        return options;
    }

    public UnitIndex index() {
        return index;
    }

    public HostView host() {
        return host;
    }

    /** The live list translators and readers report into. */
    public List<Diagnostic> sink() {
        return diagnostics;
    }

    public void error(Position at, String message) {
        diagnostics.add(Diagnostic.error(at, message));
    }

    public void error(Position at, String message, String fix) {
        diagnostics.add(Diagnostic.error(at, message, fix));
    }

    public void warning(Position at, String message) {
        diagnostics.add(Diagnostic.warning(at, message));
    }

    public void warning(Position at, String message, String fix) {
        diagnostics.add(Diagnostic.warning(at, message, fix));
    }

    public boolean failed() {
        for (Diagnostic d : diagnostics) { // a loop, not a stream: asked once per file, mostly before the JIT
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /**
     * The reader of the unit's main section (an empty section when the file has none), reporting into
     * {@link #sink()}; one per translation, so the section is indexed once for all the keys the steps read.
     */
    public SectionReader main() {
        if (main == null) {
            String name = unit.kind().section();
            Optional<Section> s = unit.file().section(name);
            main = s.isPresent() ? SectionReader.indexed(s.get(), diagnostics)
                    : new SectionReader(new Section(name, Position.ofFile(unit.path()), List.of()), diagnostics);
            if (options.target().has(dev.berth.spec.quadlet.QuadletBehaviour.HEALTH_CMD_QUOTING)) {
                main.trimmingOnePairOfQuotes();
            }
        }
        return main;
    }

    public PodmanCommand podman() {
        return new PodmanCommand(options.podman(),
                options.target().has(dev.berth.spec.quadlet.QuadletBehaviour.SPACES_ESCAPED));
    }
}
