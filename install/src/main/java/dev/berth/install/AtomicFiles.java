package dev.berth.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Idempotent single-file changes for the drop-ins {@code berth enable|disable} writes, on top of
 * {@link FileStore#atomic()} (temp file, fsync, rename, directory fsync), so a reader (the generator at boot, a
 * concurrent daemon-reload) sees the old file or the new one, never a part.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Makes {@code path} hold exactly {@code text} (UTF-8), mode 0644, creating its directory if needed.
     *
     * @return false when it already did, and nothing was written
     */
    public static boolean write(Path path, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
            return false;
        }
        Path dir = path.toAbsolutePath().getParent();
        FileStore store = FileStore.atomic();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            store.createDirectory(dir);
        }
        store.replace(path.toAbsolutePath(), bytes);
        return true;
    }

    /**
     * Removes {@code path}, and its directory when that is left empty (a drop-in directory berth created).
     *
     * @return false when there was no such file
     */
    public static boolean delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        FileStore store = FileStore.atomic();
        store.delete(path.toAbsolutePath());
        store.deleteDirectoryIfEmpty(path.toAbsolutePath().getParent());
        return true;
    }
}
