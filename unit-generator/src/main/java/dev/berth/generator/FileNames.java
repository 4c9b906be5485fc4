package dev.berth.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ArrayList;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;

/** Small rules about file names shared by the loader and the search path. */
final class FileNames {

    /**
     * Go's {@code os.ReadDir} and {@code sort.Strings} order: by the bytes of the UTF-8 name. Java's
     * {@code String.compareTo} compares UTF-16 units, which differs for characters above U+FFFF.
     */
    static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private FileNames() {
    }

    /**
     * The entries of a directory sorted by name, as paths from the directory stream (they keep the name's raw
     * bytes; re-resolving a decoded name fails for names the platform encoding cannot represent).
     *
     * @throws IOException when the directory cannot be listed
     */
    static java.util.Optional<List<Path>> list(Path dir) {
        try {
            return java.util.Optional.of(listOrThrow(dir));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static List<Path> listOrThrow(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                entries.add(p);
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), BYTE_ORDER));
        return entries;
    }

    /** Go's {@code filepath.Ext}: from the last dot of the name, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
