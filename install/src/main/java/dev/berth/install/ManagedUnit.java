package dev.berth.install;

import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.quadlet.SectionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

/**
 * One unit berth generates (or would, if its file had no errors): the service name systemd knows it by and the
 * Quadlet file it comes from.
 *
 * @param service   the systemd unit name, {@code web.service}, {@code db-volume.service}, {@code web@.service}
 * @param source    the Quadlet file, drop-ins applied
 * @param generated the generated unit; empty when the file has errors and the generator skips it
 */
public record ManagedUnit(String service, SourceUnit source, Optional<GeneratedUnit> generated) {

    /** {@code web.container}. */
    public String fileName() {
        return source.fileName();
    }

    /** The Quadlet file's absolute path, which systemd reports as the unit's SourcePath. */
    public Path sourcePath() {
        return Path.of(source.path());
    }

    /** {@code Image=} of the file's main section, drop-ins applied; empty for kinds without one. */
    public Optional<String> image() {
        return source.file().section(source.kind().section())
                .flatMap(s -> new SectionReader(s, new ArrayList<>()).single("Image"))
                .filter(i -> !i.isEmpty());
    }

    /** {@code foo@.container}: systemd runs instances of it, never the template itself. */
    public boolean template() {
        return source.isTemplate();
    }

    /** The file's own drop-in directory, beside it: {@code /etc/containers/systemd/web.container.d}. */
    public Path dropInDirectory() {
        return Path.of(source.directory()).resolve(source.fileName() + ".d");
    }
}
