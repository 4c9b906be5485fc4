package dev.berth.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The archives, one directory per unit: {@code ROOT/UNIT/STAMP.tar[.zst|.gz]} with {@code STAMP.json} beside.
 * Archives hold the container's whole memory (keys, passwords), so directories are 0700 and files 0600 from the
 * moment they exist (created with those modes, never widened or chmod'ed afterwards), written under a temporary
 * name ({@code .STAMP...part}), fsynced, then renamed: a crash or a full disk never leaves a partial file under a
 * final name.
 */
public final class CheckpointStore {

    /** Where archives live unless configured otherwise. */
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/berth/checkpoints");

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern ARCHIVE = Pattern.compile("[0-9TZ.-]+\\.tar(\\.zst|\\.gz)?");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Clock clock;

    public CheckpointStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** The unit's directory, created 0700 (with the root) if missing; an existing one is tightened, never widened. */
    public Path unitDirectory(String unit) throws IOException {
        if (unit.contains("/") || unit.startsWith(".")) {
            throw new IOException("not a unit name: " + unit);
        }
        makePrivateDirectory(root);
        Path dir = root.resolve(unit);
        makePrivateDirectory(dir);
        return dir;
    }

    private static void makePrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile by someone else (the unit helper): checked below
            }
        }
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link; refusing to keep checkpoints there");
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIR)) {
            Files.setPosixFilePermissions(dir, DIR); // narrowing only: 0700 is the least there is
        }
    }

    /** A place for a new archive: a temporary file, 0600 from its creation, and the final name it will get. */
    public Reservation reserve(String unit, String suffix) throws IOException {
        Path dir = unitDirectory(unit);
        String stamp = STAMP.format(clock.instant());
        Path target = dir.resolve(stamp + suffix);
        Path temp = dir.resolve("." + stamp + suffix + ".part");
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(FILE));
        return new Reservation(temp, target);
    }

    /** Space free for the unit's archives (its directory may be a file system of its own). */
    public long usableSpace(String unit) throws IOException {
        FileStore fs = Files.getFileStore(unitDirectory(unit));
        return fs.getUsableSpace();
    }

    /**
     * Moves a finished archive to its final name: fsync the file, rename it atomically, fsync the directory; then
     * writes the metadata the same way.
     */
    public Archive commit(Reservation r, CheckpointMetadata metadata) throws IOException {
        fsync(r.temp());
        Files.move(r.temp(), r.target(), StandardCopyOption.ATOMIC_MOVE);
        Path meta = Archive.metadataPathOf(r.target());
        writePrivate(meta, JSON.writeValueAsBytes(metadata));
        fsync(r.target().getParent());
        return new Archive(r.target(), Optional.of(metadata));
    }

    /** Adds an archive made elsewhere (migration): copied under a temporary name, then renamed. */
    public Archive adopt(String unit, Path archive, CheckpointMetadata metadata) throws IOException {
        String name = archive.getFileName().toString();
        Reservation r = reserve(unit, name.substring(name.indexOf(".tar")));
        try {
            copyInto(archive, r.temp());
            return commit(r, metadata);
        } catch (IOException e) {
            Files.deleteIfExists(r.temp());
            throw e;
        }
    }

    /** Writes bytes to {@code file} through a 0600 temporary file, fsync and rename. */
    public static void writePrivate(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        Files.deleteIfExists(temp);
        try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(FILE))) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Copies {@code from} into the existing file {@code into}, keeping that file (and so its 0600 mode): not
     * {@code Files.copy(REPLACE_EXISTING)}, which would create a new file with the process's umask.
     */
    public static void copyInto(Path from, Path into) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(into, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        }
    }

    private static void fsync(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** The unit's archives, oldest first. */
    public List<Archive> list(String unit) throws IOException {
        Path dir = root.resolve(unit);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Archive> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (ARCHIVE.matcher(f.getFileName().toString()).matches()) {
                    out.add(new Archive(f, readMetadata(Archive.metadataPathOf(f))));
                }
            }
        }
        out.sort(Comparator.comparing(Archive::stamp));
        return out;
    }

    /** The units that have a directory in the store. */
    public List<String> units() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            dirs.forEach(d -> out.add(d.getFileName().toString()));
        }
        out.sort(null);
        return out;
    }

    public Optional<Archive> newest(String unit) throws IOException {
        List<Archive> all = list(unit);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Finds an archive by path, by file name or stamp in the unit's directory, or {@code latest}. */
    public Optional<Archive> find(String unit, String ref) throws IOException {
        if (ref.equals("latest")) {
            return newest(unit);
        }
        Path p = Path.of(ref);
        if (p.isAbsolute() || ref.contains("/")) {
            return Files.isRegularFile(p) ? Optional.of(new Archive(p, readMetadata(Archive.metadataPathOf(p))))
                    : Optional.empty();
        }
        return list(unit).stream().filter(a -> a.path().getFileName().toString().equals(ref)
                || a.stamp().equals(ref)).findFirst();
    }

    public static Optional<CheckpointMetadata> readMetadata(Path meta) {
        try {
            return Optional.of(JSON.readValue(meta.toFile(), CheckpointMetadata.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the unit's archives (with their metadata) beyond the newest {@code keep}, and those older than
     * {@code maxAge}; returns what it removed.
     */
    public List<Archive> prune(String unit, Optional<Integer> keep, Optional<Duration> maxAge) throws IOException {
        List<Archive> all = list(unit);
        List<Archive> gone = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < all.size(); i++) {
            Archive a = all.get(i);
            boolean beyondKeep = keep.isPresent() && i < all.size() - keep.get();
            boolean tooOld = maxAge.isPresent()
                    && Files.getLastModifiedTime(a.path()).toInstant().isBefore(now.minus(maxAge.get()));
            if (beyondKeep || tooOld) {
                Files.deleteIfExists(a.path());
                Files.deleteIfExists(a.metadataPath());
                gone.add(a);
            }
        }
        return gone;
    }

    /** Removes one archive and its metadata (metadata last: an archive is never left without it). */
    public void remove(Archive archive) throws IOException {
        Files.deleteIfExists(archive.path());
        Files.deleteIfExists(archive.metadataPath());
        fsync(archive.path().getParent());
    }

    /** A temporary file for an archive being written, and the name it gets when it is complete. */
    public record Reservation(Path temp, Path target) {
    }
}
