package dev.berth.generator;

import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/** Turns one Quadlet file into its systemd service. Problems go to the context; no output when any is an error. */
public interface Translator {
    Optional<UnitFile> translate(SourceUnit unit, TranslationContext context);
}
