package dev.berth.install;

import dev.berth.generator.Environment;
import dev.berth.generator.SearchPath;
import dev.berth.spec.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One at a time: the commands that change a manager's Quadlet files ({@code apply}, {@code remove},
 * {@code enable}, {@code disable}) hold this lock from their first read of the installed files to their last job.
 * Two of them at once (two Ansible plays, a script and a person) would otherwise both compare against the same
 * "before", and the second rename, reload and rollback would undo parts of the first without either noticing.
 *
 * <p>A POSIX record lock ({@code fcntl}, what {@link FileChannel#lock} takes) on a file in the runtime
 * directory: the kernel releases it when the process dies, so a killed berth never leaves a stale lock behind, and
 * the file itself is never deleted (deleting a lock file races with the next locker). A second berth waits, and
 * says so on standard error, rather than failing: the same command a moment later is what the user wanted.
 */
public final class InstallLock implements AutoCloseable {

    private static final String NAME = "berth-install.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file of the system manager's files ({@code /run/lock/berth-install.lock}) or of a user's
     * ({@code $XDG_RUNTIME_DIR/berth-install.lock}; without a runtime directory, beside the user's install
     * directory). Empty when the user's install directory is unknown too (the command refuses that anyway).
     */
    public static Optional<Path> path(boolean user, Environment env) {
        if (!user) {
            return Optional.of(env.root().resolve("run/lock").resolve(NAME));
        }
        Optional<Path> runtime = env.variable("XDG_RUNTIME_DIR").filter(r -> !r.isEmpty())
                .map(Path::of).filter(Path::isAbsolute);
        if (runtime.isPresent()) {
            return Optional.of(runtime.get().resolve(NAME));
        }
        return SearchPath.installDirectory(true, env).map(dir -> dir.resolveSibling("." + NAME));
    }

    /** Takes the lock, waiting (and saying so on {@code err}) while another berth holds it. */
    public static InstallLock acquire(Path file, PrintStream err) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                err.println("berth: waiting for another 'berth apply', 'remove', 'enable' or 'disable' to finish "
                        + "(it holds " + file + ")");
                err.flush();
                lock = channel.lock();
            }
            return new InstallLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} holding the lock of that manager's files. When the lock cannot be taken (the runtime
     * directory is not writable, say), nothing is run and {@code refused} gets the problem.
     */
    public static <T> T around(boolean user, Environment env, PrintStream err, Supplier<T> work,
                               Function<Problem, T> refused) {
        Optional<Path> file = path(user, env);
        if (file.isEmpty()) {
            return work.get();
        }
        InstallLock lock;
        try {
            lock = acquire(file.get(), err);
        } catch (IOException e) {
            return refused.apply(Problem.about("lock", file.get().toString(), "cannot take the lock " + file.get()
                    + ": " + IoErrors.reason(e) + "; nothing was changed", IoErrors.fix(e)));
        }
        try {
            return work.get();
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                // The work is done either way; the kernel drops the lock when the process exits.
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
