package dev.berth.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Replaces files so that a reader (the generator at boot, a concurrent daemon-reload) sees the old file or the new
 * one, never a part: write a temporary file beside it, flush it to disk, rename it over the old one, flush the
 * directory. A crash leaves at most a stray {@code .NAME.*.tmp} file, which the loader ignores (not a
 * {@code .conf} nor a Quadlet extension).
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Makes {@code path} hold exactly {@code text} (UTF-8), mode 0644, creating its directory if needed.
     *
     * @return false when it already did, and nothing was written
     */
    static boolean write(Path path, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
            return false;
        }
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
        return true;
    }

    /**
     * Removes {@code path}, and its directory when that is left empty (a drop-in directory berth created).
     *
     * @return false when there was no such file
     */
    static boolean delete(Path path) throws IOException {
        if (!Files.deleteIfExists(path)) {
            return false;
        }
        Path dir = path.toAbsolutePath().getParent();
        syncDirectory(dir);
        try {
            Files.delete(dir);
            syncDirectory(dir.getParent());
        } catch (DirectoryNotEmptyException | NoSuchFileException keep) {
            // other drop-ins live there, or someone removed it already
        }
        return true;
    }

    /** The rename is durable only once the directory is on disk. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
