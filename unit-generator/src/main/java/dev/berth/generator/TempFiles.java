package dev.berth.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.HashSet;
import java.util.Set;

/**
 * The temporary files one {@link UnitWriter#write} has made and not yet renamed into place, removed when the process
 * is stopped (SIGINT, SIGTERM: the JVM runs its shutdown hooks) so that an interrupted generator leaves no
 * {@code .NAME.service.*.tmp} behind. Making a temporary file and recording it happen under one lock, which the
 * shutdown hook takes too: once it has run, no new temporary file is made, and none made before escapes it.
 * A SIGKILL cannot be handled; the next run of the generator starts in an output directory systemd has emptied.
 */
final class TempFiles implements AutoCloseable {

    private final Set<Path> live = new HashSet<>();
    private final Thread hook = new Thread(this::removeAll, "berth-temp-files");
    private boolean closed;
    private final boolean hooked;

    TempFiles() {
        boolean ok;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            ok = true;
        } catch (IllegalStateException shuttingDown) {
            ok = false; // already shutting down: nothing will be written anyway
            closed = true;
        }
        hooked = ok;
    }

    /** A new temporary file in {@code dir}, recorded; null once the process is shutting down. */
    synchronized Path create(Path dir, String prefix, FileAttribute<?> mode) throws IOException {
        if (closed) {
            return null;
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp", mode);
        live.add(temp);
        return temp;
    }

    /** A symbolic link {@code temp} to {@code target}, made and recorded; false once the process is shutting down. */
    synchronized boolean createLink(Path temp, Path target) throws IOException {
        if (closed) {
            return false;
        }
        Files.deleteIfExists(temp);
        live.add(temp);
        Files.createSymbolicLink(temp, target);
        return true;
    }

    /** {@code temp} was renamed into place or deleted: nothing left to remove. */
    synchronized void done(Path temp) {
        live.remove(temp);
    }

    private synchronized void removeAll() {
        closed = true;
        for (Path p : live) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // Best effort while the process ends; the name starts with a dot, which systemd ignores.
            }
        }
        live.clear();
    }

    /** The write is over: remove what is left (after a failure) and stop watching for signals. */
    @Override
    public void close() {
        removeAll();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }
}
