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

    /** The suffix of berth's temporary files ({@code .NAME.XXXX.berth-tmp}), which a later run cleans up. */
    String TEMP_SUFFIX = ".berth-tmp";

    Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    /** Files that are not world-readable at their source: only root (or the user) reads them. */
    Set<PosixFilePermission> PRIVATE_MODE = PosixFilePermissions.fromString("rw-------");

    /** The mode a file is installed with: 0644, or 0600 when its source is not world-readable. */
    static Set<PosixFilePermission> modeFor(boolean worldReadable) {
        return worldReadable ? FILE_MODE : PRIVATE_MODE;
    }

    /** Creates one directory whose parent exists, mode 0755. */
    void createDirectory(Path dir) throws IOException;

    /**
     * Replaces (or creates) {@code target} with {@code bytes} and exactly {@code mode}, so that a reader or a crash
     * sees either the old file or the whole new one, never a part, and never the new bytes with a wider mode.
     */
    void replace(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException;

    /** {@link #replace(Path, byte[], Set)} with mode 0644. */
    default void replace(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, FILE_MODE);
    }

    /** Makes {@code link} a symbolic link to {@code target} (restoring a link a removal took away). */
    default void symlink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }

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
            public void replace(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
                Path dir = target.getParent();
                // Created 0600 (createTempFile's mode) and only then widened to the file's mode, if at all.
                Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
                try {
                    Files.setPosixFilePermissions(temp, mode);
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
                Files.deleteIfExists(target); // a link is removed itself, never what it points to
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
