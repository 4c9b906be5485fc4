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
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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
    /** The system manager's lock: in a directory of berth's own that only root can write. */
    private static final String SYSTEM = "run/berth/install.lock";
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file of the system manager's files ({@code /run/berth/install.lock}) or of a user's
     * ({@code $XDG_RUNTIME_DIR/berth-install.lock}; without a runtime directory, beside the user's install
     * directory). Empty when the user's install directory is unknown too (the command refuses that anyway).
     */
    public static Optional<Path> path(boolean user, Environment env) {
        if (!user) {
            return Optional.of(env.root().resolve(SYSTEM));
        }
        Optional<Path> runtime = env.variable("XDG_RUNTIME_DIR").filter(r -> !r.isEmpty())
                .map(Path::of).filter(Path::isAbsolute);
        if (runtime.isPresent()) {
            return Optional.of(runtime.get().resolve(NAME));
        }
        return SearchPath.installDirectory(true, env).map(dir -> dir.resolveSibling("." + NAME));
    }

    /**
     * Takes the lock, waiting (and saying so on {@code err}) while another berth holds it.
     *
     * <p>Nobody else may make, replace or hold the file: its directory must belong to this process's user and be
     * writable by nobody else (the system's, {@code /run/berth}, is made 0755), the file is opened without following
     * a symbolic link ({@code O_NOFOLLOW}), made 0600 (so no other user can even open it to take a read lock), and
     * must belong to this user too. Anything else is refused with the reason, rather than waited on: in
     * {@code /run/lock} (mode 1777) any local user could create the file first, hold it forever, or make it a link
     * to a file of root's.
     */
    public static InstallLock acquire(Path file, PrintStream err) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        int me = processUid();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                Files.setPosixFilePermissions(dir, DIRECTORY_MODE); // exactly, whatever the umask
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another berth made it first; checked below like any existing one
            }
        }
        trusted(dir, me, true);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(FILE_MODE));
        } catch (java.nio.file.FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new IOException(file + " is a symbolic link; berth does not follow it (someone may be "
                        + "trying to make berth write elsewhere): remove it");
            }
            throw e;
        }
        try {
            trusted(file, me, false);
            if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE_MODE)) {
                Files.setPosixFilePermissions(file, FILE_MODE); // narrower, never wider
            }
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
                    + ": " + IoErrors.reason(e) + "; nothing was changed", e.getClass() == IOException.class
                    ? "see above; the lock's directory must belong to berth's user and be writable by nobody else"
                    : IoErrors.fix(e)));
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

    /** Refuses a lock directory or file that another user owns, or that others may write. */
    private static void trusted(Path p, int me, boolean directory) throws IOException {
        java.nio.file.attribute.PosixFileAttributes a = Files.readAttributes(p,
                java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new IOException(p + " is a symbolic link; berth does not follow it: remove it");
        }
        if (directory != a.isDirectory()) {
            throw new IOException(p + " is not a " + (directory ? "directory" : "regular file"));
        }
        int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != me) {
            throw new IOException(p + " is owned by uid " + owner + ", not by uid " + me
                    + "; berth only trusts a lock its own user made: remove it");
        }
        if (directory && (a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || a.permissions().contains(PosixFilePermission.OTHERS_WRITE))) {
            throw new IOException(p + " is writable by others (mode " + PosixFilePermissions.toString(a.permissions())
                    + "); berth keeps its lock only where nobody else can replace it: chmod 0755 " + p);
        }
    }

    /** This process's user id ({@code /proc/self} belongs to it). */
    static int processUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
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
