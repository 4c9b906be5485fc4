package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.ParsedUnitFile;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads Quadlet files from source directories (and single files), applies their drop-ins, and reports every
 * problem as a diagnostic with the path. This is the only part of generation that reads files.
 *
 * <p>Rules, as Quadlet 5.4.2: files are read in file-name order; a file name loaded from an earlier directory
 * hides the same name in later ones; a file that fails to parse is skipped (and so does not hide a same-named
 * file further down). Unlike Quadlet, a bad file never hides the good files of its directory.
 *
 * <p>Drop-ins: for each drop-in directory name of {@link DropInPaths} (specific to broad) joined with each
 * search directory (in search order, the outer loop), every {@code *.conf}; the first occurrence of a
 * {@code .conf} name wins, and the winners are applied in name order.
 */
public final class SourceLoader {

    private SourceLoader() {
    }

    /**
     * Loads {@code paths} in order. A directory is a source directory (not walked: pass the result of
     * {@link SearchPath} for recursion); a regular file is a single Quadlet file whose drop-ins are looked up
     * beside it. Drop-ins are searched in every directory given and every single file's directory.
     */
    public static LoadedSources load(List<Path> paths) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> dropInRoots = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        Map<Path, Set<String>> dotD = new HashMap<>();
        for (Path given : paths) {
            Path p = given.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                dropInRoots.add(p);
                loadDirectory(p, seen, found, diagnostics, dotD);
            } else if (Files.exists(p) || Files.isSymbolicLink(p)) {
                Path dir = SearchPath.real(p.getParent());
                dropInRoots.add(dir);
                loadSingle(dir, dir.resolve(p.getFileName()), seen, found, diagnostics);
            } else if (Files.notExists(p)) {
                diagnostics.add(Diagnostic.error(Position.ofFile(p.toString()), "no such file or directory",
                        "check the path"));
            } else {
                diagnostics.add(Diagnostic.error(Position.ofFile(p.toString()), "cannot access this path",
                        "check the permissions of the path and its parent directories"));
            }
        }
        List<Path> roots = List.copyOf(new LinkedHashSet<>(dropInRoots));
        List<SourceUnit> units = new ArrayList<>();
        for (Found f : found) {
            UnitFile merged = applyDropIns(f.file().merged(), f.name(), roots, diagnostics, dotD);
            units.add(new SourceUnit(f.name(), f.path().toString(), f.dir().toString(), f.kind(), merged));
        }
        return new LoadedSources(units, diagnostics);
    }

    private record Found(Path dir, Path path, String name, UnitKind kind, UnitFile file) {
    }

    private static void loadDirectory(Path dir, Map<String, Path> seen, List<Found> found, List<Diagnostic> diagnostics,
            Map<Path, Set<String>> dotD) {
        Optional<List<FileNames.Listed>> listing = listNamed(dir, diagnostics);
        if (listing.isPresent()) {
            dotD.put(dir, dotDNames(listing.get()));
        }
        for (FileNames.Listed entry : listing.orElse(List.of())) {
            Path file = entry.path();
            String name = entry.name();
            Optional<UnitKind> kind = UnitKind.ofFileName(name);
            if (kind.isEmpty() || seen.containsKey(name)) {
                continue;
            }
            if (Files.isDirectory(file)) {
                diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()),
                        "a directory named like a Quadlet file; it is ignored", "rename it"));
                continue;
            }
            parse(file, diagnostics).ifPresent(f -> {
                seen.put(name, dir);
                found.add(new Found(dir, file, name, kind.get(), f));
            });
        }
    }

    private static void loadSingle(Path dir, Path file, Map<String, Path> seen, List<Found> found,
            List<Diagnostic> diagnostics) {
        String name = file.getFileName().toString();
        Optional<UnitKind> kind = UnitKind.ofFileName(name);
        if (kind.isEmpty()) {
            diagnostics.add(Diagnostic.error(Position.ofFile(file.toString()),
                    "not a Quadlet file: the extension '" + FileNames.extension(name) + "' is not one of "
                            + extensions(), "rename it with one of those extensions"));
            return;
        }
        if (seen.containsKey(name)) {
            diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()),
                    "ignored: a file named '" + name + "' was already loaded from " + seen.get(name),
                    "give one of them another name"));
            return;
        }
        parse(file, diagnostics).ifPresent(f -> {
            seen.put(name, dir);
            found.add(new Found(dir, file, name, kind.get(), f));
        });
    }

    private static String extensions() {
        StringBuilder sb = new StringBuilder();
        for (UnitKind k : UnitKind.values()) {
            sb.append(sb.isEmpty() ? "" : " ").append('.').append(k.extension());
        }
        return sb.toString();
    }

    /** The parsed file, or empty (with diagnostics) when it cannot be read or has syntax errors. */
    private static Optional<UnitFile> parse(Path file, List<Diagnostic> diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Position.ofFile(file.toString()), "cannot read file: " + reason(e),
                    fixFor(e)));
            return Optional.empty();
        }
        ParsedUnitFile parsed = UnitFileParser.parse(file.toString(), bytes);
        diagnostics.addAll(parsed.diagnostics());
        return parsed.hasErrors() ? Optional.empty() : Optional.of(parsed.file());
    }

    /** The sorted entries, empty when the directory does not exist, an error when it cannot be read. */
    private static Optional<List<Path>> list(Path dir, List<Diagnostic> diagnostics) {
        return listNamed(dir, diagnostics).map(l -> l.stream().map(FileNames.Listed::path).toList());
    }

    /** {@link #list}, with the entries' names. */
    private static Optional<List<FileNames.Listed>> listNamed(Path dir, List<Diagnostic> diagnostics) {
        try {
            return Optional.of(FileNames.listNamed(dir));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Position.ofFile(dir.toString()), "cannot read directory: " + reason(e),
                    fixFor(e)));
            return Optional.empty();
        }
    }

    /** The names ending in {@code .d} of a directory's entries: the only names a drop-in directory can have. */
    private static Set<String> dotDNames(List<FileNames.Listed> entries) {
        Set<String> names = new HashSet<>();
        for (FileNames.Listed e : entries) {
            if (e.name().endsWith(".d")) {
                names.add(e.name());
            }
        }
        return names;
    }

    /**
     * The {@code .d} names in {@code root}, listed once per root; null when the root cannot be listed, and then
     * every drop-in directory is tried directly (a directory may be searchable without being readable).
     */
    private static Set<String> dotDNames(Path root, Map<Path, Set<String>> dotD) {
        if (!dotD.containsKey(root)) {
            Set<String> names;
            try {
                names = dotDNames(FileNames.listNamed(root));
            } catch (IOException | RuntimeException e) {
                names = null;
            }
            dotD.put(root, names);
        }
        return dotD.get(root);
    }

    private static UnitFile applyDropIns(UnitFile file, String name, List<Path> roots, List<Diagnostic> diagnostics,
            Map<Path, Set<String>> dotD) {
        List<String> dirNames = DropInPaths.of(name);
        // name -> path of the first occurrence; TreeMap with byte order gives Quadlet's merge order.
        TreeMap<String, Path> confs = new TreeMap<>(FileNames.BYTE_ORDER);
        Set<Path> listed = new HashSet<>();
        for (Path root : roots) {
            // Most files have no drop-ins: looking the names up in the root's listing saves trying (and failing)
            // to open every candidate directory.
            Set<String> present = dotDNames(root, dotD);
            for (String dirName : dirNames) {
                if (present != null && !present.contains(dirName)) {
                    continue;
                }
                Path dir;
                try {
                    dir = root.resolve(dirName);
                } catch (java.nio.file.InvalidPathException e) {
                    continue; // a name the platform encoding cannot write has no drop-in directory of that name
                }
                if (!listed.add(dir)) {
                    continue;
                }
                for (Path conf : list(dir, diagnostics).orElse(List.of())) {
                    String confName = conf.getFileName().toString();
                    if (FileNames.extension(confName).equals(".conf")) {
                        confs.putIfAbsent(confName, conf);
                    }
                }
            }
        }
        UnitFile result = file;
        for (Path conf : confs.values()) {
            Optional<UnitFile> dropIn = parse(conf, diagnostics);
            if (dropIn.isPresent()) {
                result = result.withDropIn(dropIn.get());
            }
        }
        return result;
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static String fixFor(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "check the permissions of the path and its parent directories";
        }
        return "check that the path exists and is readable";
    }
}
