package dev.berth.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Names the kind of a file that is not a regular file, for messages: "a FIFO (named pipe)", "a character device". */
final class FileTypes {

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private FileTypes() {
    }

    static String describe(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            // The "unix" view gives the type bits; BasicFileAttributes only says "other".
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case S_IFIFO -> "a FIFO (named pipe)";
                    case S_IFCHR -> "a character device";
                    case S_IFBLK -> "a block device";
                    case S_IFSOCK -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view on this file system: the generic name below.
        }
        return "a special file";
    }
}
