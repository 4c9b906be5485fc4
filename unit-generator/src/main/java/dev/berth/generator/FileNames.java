package dev.berth.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

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

    /** Go's {@code filepath.Ext}: from the last dot of the name, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
