package dev.berth.generator;

import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFile;
import java.util.Optional;

/**
 * One Quadlet file ready for translation: the file with its drop-ins merged in.
 *
 * @param fileName the file's own name, e.g. {@code web@.container}; references between files use it
 * @param path the absolute path, printed as {@code SourcePath=} and in diagnostics
 * @param directory the directory relative paths in the file are resolved against
 * @param file the parsed file, drop-ins applied, same-named sections merged
 */
public record SourceUnit(String fileName, String path, String directory, UnitKind kind, UnitFile file) {

    /** The name without its extension: {@code web@.container} gives {@code web@}. */
    public String baseName() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** For {@code foo@bar.container}: {@code foo}; for files without {@code @}: empty. */
    public Optional<String> templatePrefix() {
        int at = baseName().indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(baseName().substring(0, at));
    }

    /** For {@code foo@bar.container}: {@code bar}; for the template {@code foo@.container}: the empty string. */
    public Optional<String> instance() {
        int at = baseName().indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(baseName().substring(at + 1));
    }

    public boolean isTemplate() {
        return instance().map(String::isEmpty).orElse(false);
    }

    public boolean isTemplateOrInstance() {
        return instance().isPresent();
    }
}
