package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.util.ArrayList;
import java.util.List;

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
    private final List<Reference> references = new ArrayList<>();

    /** A Quadlet file whose podman object or service this translation uses, and where it is named. */
    public record Reference(String fileName, String key, Position position) {
    }

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
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    public PodmanCommand podman() {
        return new PodmanCommand(options.podman());
    }

    /**
     * Records that this file uses what {@code fileName} creates: when that file cannot be translated, the
     * generator reports the reference too and drops this unit (Quadlet went on with an empty name).
     */
    public void referenced(String fileName, String key, Position at) {
        references.add(new Reference(fileName, key, at));
    }

    public List<Reference> references() {
        return List.copyOf(references);
    }
}
