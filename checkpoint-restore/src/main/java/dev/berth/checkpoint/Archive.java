package dev.berth.checkpoint;

import java.nio.file.Path;
import java.util.Optional;

/** One archive in the store, with its metadata when that could be read. */
public record Archive(Path path, Optional<CheckpointMetadata> metadata) {

    /** The metadata file beside the archive. */
    public Path metadataPath() {
        return metadataPathOf(path);
    }

    static Path metadataPathOf(Path archive) {
        String name = archive.getFileName().toString();
        int cut = name.indexOf(".tar");
        return archive.resolveSibling((cut < 0 ? name : name.substring(0, cut)) + ".json");
    }

    /** The sortable time stamp the archive is named by. */
    public String stamp() {
        String name = path.getFileName().toString();
        int cut = name.indexOf(".tar");
        return cut < 0 ? name : name.substring(0, cut);
    }
}
