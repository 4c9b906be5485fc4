package dev.berth.generator;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java.io} shortcuts for the file operations the generator repeats for every file: listing a directory,
 * telling a file from a directory, reading a file. In a freshly started JVM they run through far less code than
 * their {@code java.nio.file} counterparts (which the JIT compiler would otherwise spend its first few hundred
 * milliseconds on). They only answer when the answer is certain; callers fall back to {@code java.nio.file},
 * which also gives the precise error, whenever a shortcut says "don't know".
 *
 * <p>Only for paths of the default file system whose name decodes cleanly: a {@code java.io} call re-encodes the
 * decoded name, which reaches the same file unless decoding replaced undecodable bytes (with U+FFFD).
 */
final class PlainFiles {

    /**
     * The largest Quadlet file or drop-in berth reads, in bytes: 8 MiB, a thousand times a large real unit file and
     * room for 100,000 {@code Label=} lines, small enough that reading and translating one stays far below a second
     * and a few hundred MB. docs/generator-limits.md states it.
     */
    static final int LIMIT = 8 << 20;
    static final String LIMIT_TEXT = "8 MiB";

    private PlainFiles() {
    }

    /** Whether {@code java.io} reaches exactly the file {@code p} names. */
    static boolean usable(Path p) {
        return p.getFileSystem() == FileSystems.getDefault() && p.toString().indexOf('\uFFFD') < 0;
    }

    /** True only when {@code p} (links followed) is certainly a regular file; false means "don't know". */
    static boolean isCertainlyFile(Path p) {
        return usable(p) && new File(p.toString()).isFile();
    }

    /**
     * The content of {@code p}, or empty when it cannot be read this way (not certainly a regular file, larger than
     * {@link #LIMIT}, missing, unreadable, an unusable name): the caller then asks {@code java.nio.file}, which says
     * why. Never opens anything but a regular file: opening a FIFO blocks until a writer comes, which at boot is never.
     */
    static Optional<byte[]> read(Path p) {
        if (!usable(p)) {
            return Optional.empty();
        }
        File f = new File(p.toString());
        if (!f.isFile()) {
            return Optional.empty();
        }
        try (FileInputStream in = new FileInputStream(f)) {
            // Bounded even if the file grew since, or lies about its size: never more than the limit in memory.
            byte[] bytes = in.readNBytes(LIMIT + 1);
            return bytes.length > LIMIT ? Optional.empty() : Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The names in directory {@code dir}, or empty when they cannot be listed this way or one of them does not
     * decode cleanly (the directory stream keeps such a name's raw bytes; a decoded name would not reach it).
     */
    static Optional<String[]> names(Path dir) {
        if (!usable(dir)) {
            return Optional.empty();
        }
        String[] names = new File(dir.toString()).list();
        if (names == null) {
            return Optional.empty();
        }
        for (String n : names) {
            if (n.indexOf('\uFFFD') >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }
}
