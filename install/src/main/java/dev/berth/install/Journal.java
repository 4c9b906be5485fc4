package dev.berth.install;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The undo record of a {@link FileTransaction}, on disk, so that a set of changes is all-or-nothing even when berth
 * dies half way (SIGKILL, a power cut): before the first file changes, the journal directory holds a copy of every
 * file the transaction replaces or deletes (with its mode), every link it removes, every file it creates and every
 * directory it makes; after the last change the directory is deleted. The next berth that takes the install lock
 * finds a journal still there and rolls the install directory back to exactly what it was, then carries on (and
 * its own apply brings the files to the new state again).
 *
 * <p>Layout: {@code DIR/journal}, one line per entry, written atomically (temp file, fsync, rename, directory
 * fsync) before any change; {@code DIR/old-N}, the old contents, 0600 (they may be private). Paths are Base64 in
 * the journal, so no file name can break its lines. The directory is {@code .berth-journal} beside the install
 * directory ({@code /etc/containers/.berth-journal}): the same file system, and outside what the generator reads.
 */
final class Journal {

    static final String DIRECTORY = ".berth-journal";
    private static final String FILE = "journal";
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    private Journal(Path dir) {
        this.dir = dir;
    }

    /** The journal directory of an install directory. */
    static Path directoryFor(Path installDirectory) {
        return installDirectory.toAbsolutePath().normalize().resolveSibling(DIRECTORY);
    }

    /**
     * Records how to undo {@code steps} (and the directories {@code created} for them, outermost first), durably,
     * before any of them is carried out.
     */
    static Journal begin(Path dir, List<FileTransaction.Step> steps, List<Path> created) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(dir); // a journal left by a run that recovery could not finish: it is stale by now
        }
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (Path d : created) {
            lines.append("M ").append(encode(d.toString())).append('\n');
        }
        for (FileTransaction.Step step : steps) {
            Path target = step.target();
            if (Files.isSymbolicLink(target)) {
                lines.append("L ").append(encode(target.toString())).append(' ')
                        .append(encode(Files.readSymbolicLink(target).toString())).append('\n');
            } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                String name = "old-" + n++;
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
                writeDurably(dir.resolve(name), Files.readAllBytes(target));
                lines.append("F ").append(encode(target.toString())).append(' ').append(name).append(' ')
                        .append(PosixFilePermissions.toString(mode)).append('\n');
            } else {
                lines.append("N ").append(encode(target.toString())).append('\n');
            }
        }
        Path temp = dir.resolve(FILE + ".tmp");
        writeDurably(temp, lines.toString().getBytes(StandardCharsets.UTF_8));
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        syncDirectory(dir.getParent());
        return new Journal(dir);
    }

    /** The transaction is complete (or was undone in memory): the journal goes. */
    void finish() throws IOException {
        deleteTree(dir);
        syncDirectory(dir.getParent());
    }

    /**
     * Rolls back what an interrupted transaction left, if a journal is there, and removes berth's temporary files
     * from the install directory. Returns what was done, as warnings (empty when there was nothing to do).
     */
    static List<Diagnostic> recover(Path installDirectory, FileStore store) {
        List<Diagnostic> out = new ArrayList<>();
        Path dir = directoryFor(installDirectory);
        Path journal = dir.resolve(FILE);
        if (Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
            try {
                int restored = rollBack(dir, Files.readAllLines(journal, StandardCharsets.UTF_8), store);
                deleteTree(dir);
                out.add(Diagnostic.warning(Position.ofFile(installDirectory.toString()), "an earlier berth was "
                        + "interrupted while changing files here; its changes were rolled back (" + restored
                        + " files restored as they were before it)", "nothing to do: this run applies again"));
            } catch (IOException | RuntimeException e) {
                out.add(Diagnostic.error(Position.ofFile(journal.toString()), "an earlier berth was interrupted "
                        + "while changing files, and its changes cannot be rolled back: " + e.getMessage(),
                        "restore the files from " + dir + " by hand (the journal lists them), then remove " + dir));
                return out;
            }
        } else if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                deleteTree(dir); // died before the journal was complete: nothing was changed yet
            } catch (IOException e) {
                // left for the next run
            }
        }
        int temps = sweepTemporaryFiles(installDirectory);
        if (temps > 0) {
            out.add(Diagnostic.warning(Position.ofFile(installDirectory.toString()), "removed " + temps
                    + " temporary file(s) an interrupted berth left behind"));
        }
        return out;
    }

    private static int rollBack(Path dir, List<String> lines, FileStore store) throws IOException {
        int restored = 0;
        List<Path> made = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "M" -> made.add(Path.of(decode(f[1])));
                case "F" -> {
                    Path target = Path.of(decode(f[1]));
                    byte[] old = Files.readAllBytes(dir.resolve(f[2]));
                    boolean same = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                            && java.util.Arrays.equals(Files.readAllBytes(target), old);
                    if (!same) {
                        if (Files.isSymbolicLink(target)) {
                            Files.delete(target);
                        }
                        store.replace(target, old, PosixFilePermissions.fromString(f[3]));
                        restored++;
                    } else {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(f[3]));
                    }
                }
                case "L" -> {
                    Path target = Path.of(decode(f[1]));
                    Path to = Path.of(decode(f[2]));
                    if (!Files.isSymbolicLink(target) || !Files.readSymbolicLink(target).equals(to)) {
                        Files.deleteIfExists(target);
                        store.symlink(target, to);
                        restored++;
                    }
                }
                case "N" -> {
                    if (Files.deleteIfExists(Path.of(decode(f[1])))) {
                        restored++;
                    }
                }
                default -> throw new IOException("unreadable journal line: " + line);
            }
        }
        for (int i = made.size() - 1; i >= 0; i--) {
            sweepTemporaryFiles(made.get(i));
            store.deleteDirectoryIfEmpty(made.get(i));
        }
        return restored;
    }

    /** Deletes {@code .NAME.*.berth-tmp} files below {@code root} (links are not followed); returns how many. */
    static int sweepTemporaryFiles(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int[] n = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && name.startsWith(".") && name.endsWith(FileStore.TEMP_SUFFIX)) {
                        Files.deleteIfExists(file);
                        n[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temporary file the generator never reads is harmless
        }
        return n[0];
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PRIVATE_FILE))) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void syncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort, as in FileStore
        }
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

}
