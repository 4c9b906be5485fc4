package dev.berth.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The sorted entries of the directories the search-path walk listed, by real path, so that the loader does not
 * list (and sort, and resolve the names of) the same thousand entries a second time. A directory the walk could
 * not list is absent: the loader lists it itself and reports why it cannot.
 */
public final class DirectoryListings {

    static final DirectoryListings NONE = new DirectoryListings(Map.of());

    private final Map<Path, List<FileNames.Listed>> byDirectory;

    DirectoryListings(Map<Path, List<FileNames.Listed>> byDirectory) {
        this.byDirectory = Map.copyOf(byDirectory);
    }

    /** The entries of {@code dir} sorted by name, or null when the walk did not list it. */
    List<FileNames.Listed> of(Path dir) {
        return byDirectory.get(dir);
    }
}
