package dev.berth.install;

import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SearchPath;
import dev.berth.generator.SourceLoader;
import dev.berth.generator.SourceUnit;
import dev.berth.generator.UnitSet;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The install directory as it will be after an apply or a removal, built in a temporary directory: a copy of the
 * current tree with the new files written over it (or the removed ones left out). Running the generator over the
 * search path with this copy in the install directory's place shows every diagnostic and every unit the real
 * generator will produce after the change, while the real directory is still untouched.
 *
 * <p>Paths inside the copy are translated back before anyone sees them: the generated units name the install
 * directory ({@code SourcePath=/etc/containers/systemd/web.container}, relative paths made absolute against it),
 * so that they compare equal to the units generated from the real directory; diagnostics about a file being
 * applied name the file the user gave, where the fix has to be made.
 */
final class StagedInstall implements AutoCloseable {

    private final Path installReal;
    private final Path stagedRoot;
    private final String installText;
    private final String stagedText;
    /** Install path of an applied file -> the path the user gave. */
    private final Map<String, String> origins;

    private static final String PREFIX = "berth-apply-";

    /** Deletes the copy when the JVM is ended by SIGINT or SIGTERM while it exists. */
    private final Thread cleanup;

    private StagedInstall(Path installReal, Path stagedRoot, Map<String, String> origins) {
        this.installReal = installReal;
        this.stagedRoot = stagedRoot;
        this.cleanup = new Thread(() -> deleteTree(stagedRoot), "berth-staged-install-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        this.installText = installReal.toString();
        this.stagedText = stagedRoot.toString();
        this.origins = Map.copyOf(origins);
    }

    /**
     * Copies {@code installDir} (if it exists) into a new temporary directory, leaving out {@code deletions}, and
     * writes {@code additions} over the copy.
     *
     * @param user      rootless: the whole tree is the user's; rootful: {@code users/} holds other users' files and
     *                  is not part of what the system generator reads
     * @param additions relative path -> the file to put there
     * @param deletions relative paths left out of the copy
     */
    static StagedInstall build(Path installDir, boolean user, Map<String, ApplyInputs.Input> additions,
                               Set<String> deletions) throws IOException {
        Path installReal = realOrAncestor(installDir);
        sweepStale();
        // 0700 (createTempDirectory's mode): the copy may hold private files. Named after this process, so that a
        // later run can tell a copy whose berth was killed (SIGKILL runs no hook) and remove it.
        Path staged = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-").toRealPath();
        StagedInstall s = new StagedInstall(installReal, staged, originsOf(installReal, additions));
        try {
            if (Files.isDirectory(installReal)) {
                s.copyTree(user, deletions);
            }
            for (Map.Entry<String, ApplyInputs.Input> e : additions.entrySet()) {
                if (!user && isUnderUsers(e.getKey())) {
                    continue;
                }
                Path target = staged.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.write(target, e.getValue().bytes());
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static Map<String, String> originsOf(Path installReal, Map<String, ApplyInputs.Input> additions) {
        Map<String, String> m = new java.util.HashMap<>();
        additions.forEach((rel, input) -> m.put(installReal.resolve(rel).toString(), input.origin().toString()));
        return m;
    }

    private static boolean isUnderUsers(String relative) {
        return relative.equals("users") || relative.startsWith("users/");
    }

    /** Where the copy is. */
    Path copy() {
        return stagedRoot;
    }

    /** The install directory's real path: symbolic links resolved, as the search path lists it. */
    Path installDirectory() {
        return installReal;
    }

    /**
     * The search path with the copy in place of the install directory (and its sub-directories). When the install
     * directory is not on the search path yet (it does not exist), the copy goes where it would appear: after the
     * runtime directory's entries.
     */
    List<Path> searchPath(List<Path> current, Optional<Path> runtimeDirectory) {
        List<Path> staged = SearchPath.expand(List.of(stagedRoot)).directories();
        Optional<Path> runtime = runtimeDirectory.map(StagedInstall::realOrAncestor);
        List<Path> out = new ArrayList<>();
        boolean inserted = false;
        for (Path p : current) {
            if (p.startsWith(installReal)) {
                if (!inserted) {
                    out.addAll(staged);
                    inserted = true;
                }
                continue;
            }
            if (!inserted && !runtime.map(p::startsWith).orElse(false)) {
                out.addAll(staged);
                inserted = true;
            }
            out.add(p);
        }
        if (!inserted) {
            out.addAll(staged);
        }
        return out;
    }

    /** The generation over {@code searchPath}, with every path of the copy translated back. */
    Generation.Outcome generate(List<Path> searchPath, GeneratorOptions options, HostView host) {
        LoadedSources loaded = SourceLoader.load(searchPath);
        List<SourceUnit> units = loaded.units().stream()
                .map(u -> new SourceUnit(u.fileName(), toInstall(u.path()), toInstall(u.directory()), u.kind(),
                        u.file()))
                .toList();
        Generation.Outcome o = Generation.translate(new LoadedSources(units, loaded.diagnostics()), options, host);
        UnitSet set = new UnitSet(o.units().units(), shown(o.units().diagnostics()), shownFiles(o.units().failedFiles()));
        return new Generation.Outcome(o.sources(), set, shown(o.diagnostics()), shownFiles(o.failedFiles()));
    }

    /** A path of the copy as the path it will have in the install directory; other paths unchanged. */
    String toInstall(String path) {
        if (path.equals(stagedText)) {
            return installText;
        }
        if (path.startsWith(stagedText + "/")) {
            return installText + path.substring(stagedText.length());
        }
        return path;
    }

    /** A file as diagnostics name it: the user's own file for an applied one, else its install path. */
    String shown(String path) {
        String installed = toInstall(path);
        return origins.getOrDefault(installed, installed);
    }

    /** Whether a diagnostic's file is one of the applied files. */
    boolean isApplied(String shownPath) {
        return origins.containsValue(shownPath) || origins.containsKey(shownPath);
    }

    private List<Diagnostic> shown(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(this::shown).toList();
    }

    Diagnostic shown(Diagnostic d) {
        Position p = d.position();
        return new Diagnostic(d.severity(), new Position(shown(p.file()), p.line(), p.column()),
                d.message().replace(stagedText, installText), d.fix().map(f -> f.replace(stagedText, installText)));
    }

    private Set<String> shownFiles(Set<String> files) {
        Set<String> out = new LinkedHashSet<>();
        files.forEach(f -> out.add(shown(f)));
        return out;
    }

    private void copyTree(boolean user, Set<String> deletions) throws IOException {
        Files.walkFileTree(installReal, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir);
                if (!user && isUnderUsers(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(stagedRoot.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(file);
                if (deletions.contains(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = stagedRoot.resolve(rel);
                if (attrs.isSymbolicLink()) {
                    // Link to where the original leads, so the copy reads the same files and the search path
                    // resolves a linked directory to the same real place.
                    try {
                        Files.createSymbolicLink(target, file.toRealPath());
                    } catch (IOException dangling) {
                        Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                    }
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private String relative(Path p) {
        List<String> parts = new ArrayList<>();
        for (Path part : installReal.relativize(p)) {
            if (!part.toString().isEmpty()) {
                parts.add(part.toString());
            }
        }
        return String.join("/", parts);
    }

    /** The real path of the nearest existing ancestor, with the missing rest appended. */
    static Path realOrAncestor(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** Deletes the copy. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is deleting it already
        }
        deleteTree(stagedRoot);
    }

    /** Removes the copies of berth processes that no longer run (killed with SIGKILL, which runs no hook). */
    private static void sweepStale() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0 || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(rest.substring(0, dash));
                    boolean mine = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                            .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
                    if (mine && ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException | IOException | UnsupportedOperationException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException ignored) {
            // an unreadable temporary directory: nothing to sweep
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A leftover in the temporary directory is harmless; the real install directory was never touched.
        }
    }
}
