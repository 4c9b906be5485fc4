package dev.berth.generator;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small rules about file names shared by the loader and the search path. */
final class FileNames {

    /**
     * Go's {@code os.ReadDir} and {@code sort.Strings} order: by the bytes of the UTF-8 name, which is code point
     * order. Java's {@code String.compareTo} compares UTF-16 units, which differs for characters above U+FFFF.
     */
    static final Comparator<String> BYTE_ORDER = FileNames::compareUtf8;

    /** One directory entry: the path from the directory stream and its decoded name. */
    record Listed(Path path, String name) {
    }

    private FileNames() {
    }

    /**
     * {@link #BYTE_ORDER} without encoding: UTF-16 order is code point order except where a surrogate (half of a
     * character above U+FFFF) meets a character in U+E000..U+FFFF; the surrogate's character is the larger one.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                if (sx != Character.isSurrogate(y)) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * The entries of a directory with their names, sorted by name.
     *
     * @throws IOException when the directory cannot be listed
     */
    static List<Listed> listNamed(Path dir) throws IOException {
        List<Listed> entries = new ArrayList<>();
        java.util.Optional<String[]> names = PlainFiles.names(dir);
        if (names.isPresent()) {
            for (String name : names.get()) {
                entries.add(new Listed(dir.resolve(name), name));
            }
            entries.sort(BY_NAME);
            return entries;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                entries.add(new Listed(p, p.getFileName().toString()));
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        entries.sort(BY_NAME);
        return entries;
    }

    private static final Comparator<Listed> BY_NAME = (a, b) -> compareUtf8(a.name(), b.name());

    /** Go's {@code filepath.Ext}: from the last dot of the name, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
