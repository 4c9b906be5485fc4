package dev.berth.generator;

import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/** {@code .image} files. Not written yet. */
final class ImageTranslator implements Translator {
    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        ctx.error(dev.berth.spec.Position.ofFile(unit.path()), "." + unit.kind().extension() + " files are not supported yet");
        return Optional.empty();
    }
}
