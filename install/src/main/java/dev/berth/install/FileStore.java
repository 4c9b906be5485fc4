package dev.berth.install;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The file operations {@link FileTransaction} performs on the install directory. An interface so that tests can make a
 * write fail midway and watch the rollback; {@link #atomic()} is the real one.
 */
public interface FileStore {

    Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    /** Creates one directory whose parent exists, mode 0755. */
    void createDirectory(Path dir) throws IOException;

    /**
     * Replaces (or creates) {@code target} with {@code bytes}, mode 0644, so that a reader or a crash sees either
     * the old file or the whole new one, never a part.
     */
    void replace(Path target, byte[] bytes) throws IOException;

    /** Deletes a file (or link); a missing one is not an error. */
    void delete(Path target) throws IOException;

    /** Deletes a directory if it is empty; a non-empty or missing one is left alone. */
    void deleteDirectoryIfEmpty(Path dir) throws IOException;

    /** The real file system: temp file in the same directory, fsync, rename, fsync of the directory. */
    static FileStore atomic() {
        return new FileStore() {
            @Override
            public void createDirectory(Path dir) throws IOException {
                Files.createDirectory(dir);
                // The mode given to mkdir is masked by the umask; set it exactly.
                Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            }

            @Override
            public void replace(Path target, byte[] bytes) throws IOException {
                Path dir = target.getParent();
                Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".berth-tmp");
                try {
                    Files.setPosixFilePermissions(temp, FILE_MODE);
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        ByteBuffer buf = ByteBuffer.wrap(bytes);
                        while (buf.hasRemaining()) {
                            ch.write(buf);
                        }
                        ch.force(true);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
                syncDirectory(dir);
            }

            @Override
            public void delete(Path target) throws IOException {
                Files.deleteIfExists(target);
                syncDirectory(target.getParent());
            }

            @Override
            public void deleteDirectoryIfEmpty(Path dir) throws IOException {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        return;
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    return;
                }
                Files.deleteIfExists(dir);
            }
        };
    }

    /** Makes a rename durable. Best effort: not every file system lets a directory be synced. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // The file itself is already on disk; the directory entry's durability is a bonus.
        }
    }
}
