package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.MultiUnitFile;
import dev.berth.spec.syntax.ParsedUnitFile;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import dev.berth.spec.yaml.BerthYaml;
import dev.berth.spec.yaml.BerthYamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
        return load(paths, DirectoryListings.NONE);
    }

    /** {@link #load(List)} of the search path's directories, reusing the listings its walk made. */
    public static LoadedSources load(SearchPath.Result search) {
        return load(search.directories(), search.listings());
    }

    private static LoadedSources load(List<Path> paths, DirectoryListings listings) {
        // First what there is to read: every given path, and each directory's listing, in order.
        List<Given> given = new ArrayList<>();
        for (Path g : paths) {
            given.add(examine(g.toAbsolutePath().normalize(), listings));
        }
        // Then every file that may be loaded, read and parsed on all cores (files are independent; this is where a
        // large set spends its time). A file hidden by an earlier one of the same name is read for nothing.
        List<Candidate> candidates = new ArrayList<>();
        for (Given g : given) {
            if (g.listing() != null) {
                for (FileNames.Listed entry : g.listing()) {
                    if (isSource(entry.name())) {
                        candidates.add(new Candidate(entry.path(), true));
                    }
                }
            } else if (g.single() != null && isSource(g.single().getFileName().toString())) {
                candidates.add(new Candidate(g.single(), false));
            }
        }
        List<Read> reads = Parallel.map(candidates, SourceLoader::read);
        Map<Path, Read> read = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            read.put(candidates.get(i).path(), reads.get(i));
        }

        // Then the rules, in order, exactly as if each file were read when its turn came.
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> dropInRoots = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        Map<Path, Set<String>> dotD = new HashMap<>();
        for (Given g : given) {
            diagnostics.addAll(g.diagnostics());
            if (g.directory() != null) {
                dropInRoots.add(g.directory());
                if (g.listing() != null) {
                    dotD.put(g.directory(), dotDNames(g.listing()));
                    loadDirectory(g.directory(), g.listing(), read, seen, found, diagnostics);
                }
            } else if (g.single() != null) {
                dropInRoots.add(g.single().getParent());
                loadSingle(g.single().getParent(), g.single(), read, seen, found, diagnostics);
            }
        }
        List<Path> roots = List.copyOf(new LinkedHashSet<>(dropInRoots));
        boolean dropInsPossible = false;
        for (Path root : roots) {
            // Every root listed now: the drop-in step below only reads the map. Usually none has a .d entry, and
            // then no file has drop-ins to look for.
            Set<String> names = dotDNames(root, dotD);
            dropInsPossible |= names == null || !names.isEmpty();
        }
        boolean lookForDropIns = dropInsPossible;
        List<Loaded> loaded = Parallel.map(found, f -> {
            List<Diagnostic> problems = new ArrayList<>();
            UnitFile merged = f.file().merged();
            if (lookForDropIns) {
                merged = applyDropIns(merged, f.path(), f.name(), roots, problems, dotD);
            }
            return new Loaded(merged == null ? null : unit(f, merged), problems);
        });
        List<SourceUnit> units = new ArrayList<>(found.size());
        for (Loaded l : loaded) {
            diagnostics.addAll(l.diagnostics());
            if (l.unit() != null) { // null: a drop-in could not be read, and the unit is not made without it
                units.add(l.unit());
            }
        }
        return new LoadedSources(units, diagnostics);
    }

    /**
     * One given path: a source directory (with its sorted entries, or null when it cannot be listed), a single
     * file (in its real directory), or neither (with the reason in diagnostics).
     */
    private record Given(Path directory, List<FileNames.Listed> listing, Path single, List<Diagnostic> diagnostics) {
    }

    private static Given examine(Path p, DirectoryListings listings) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<FileNames.Listed> listed = listings.of(p);
        if (listed != null) {
            return new Given(p, listed, null, diagnostics);
        }
        if (Files.isDirectory(p)) {
            return new Given(p, listNamed(p, diagnostics).orElse(null), null, diagnostics);
        }
        if (Files.exists(p) || Files.isSymbolicLink(p)) {
            Path dir = SearchPath.real(p.getParent());
            return new Given(null, null, dir.resolve(p.getFileName()), diagnostics);
        }
        if (Files.notExists(p)) {
            diagnostics.add(Diagnostic.error(Position.ofFile(p.toString()), "no such file or directory",
                    "check the path"));
        } else {
            diagnostics.add(Diagnostic.error(Position.ofFile(p.toString()), "cannot access this path",
                    "check the permissions of the path and its parent directories"));
        }
        return new Given(null, null, null, diagnostics);
    }

    /** A file to read; {@code inDirectory} when it came from a listing, where a directory of that name is skipped. */
    private record Candidate(Path path, boolean inDirectory) {
    }

    /** A Quadlet file, or a berth YAML spec (which defines any number of units). */
    private static boolean isSource(String fileName) {
        return UnitKind.ofFileName(fileName).isPresent() || BerthYaml.isBerthYaml(fileName);
    }

    /** One unit a file defines: a Quadlet file defines itself, a YAML spec each of its units. */
    private record Defined(String name, UnitKind kind, UnitFile file) {
    }

    /**
     * A file read ahead: a directory (skipped with a warning), or the units it defines (none when it has errors)
     * and its problems.
     */
    private record Read(boolean directory, List<Defined> units, List<Diagnostic> diagnostics) {
    }

    private static Read read(Candidate c) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        // Reading first saves asking whether it is a directory: reading one fails, and then we ask.
        Optional<byte[]> quick = PlainFiles.read(c.path());
        if (quick.isPresent()) {
            return new Read(false, defined(c.path(), quick.get(), diagnostics), diagnostics);
        }
        if (c.inDirectory() && Files.isDirectory(c.path())) {
            return new Read(true, List.of(), List.of());
        }
        Optional<byte[]> bytes = readChecked(c.path(), diagnostics);
        return new Read(false, bytes.map(b -> defined(c.path(), b, diagnostics)).orElse(List.of()), diagnostics);
    }

    /** The units of a file's content: the Quadlet file itself, or the units of a YAML spec. */
    private static List<Defined> defined(Path file, byte[] bytes, List<Diagnostic> diagnostics) {
        String name = file.getFileName().toString();
        if (BerthYaml.isBerthYaml(name)) {
            BerthYaml.Parsed spec = BerthYamlReader.read(file.toString(), bytes);
            diagnostics.addAll(spec.diagnostics());
            List<Defined> out = new ArrayList<>();
            for (BerthYaml.Unit u : spec.units()) {
                out.add(new Defined(u.fileName(), u.kind(), u.file()));
            }
            return out;
        }
        Optional<UnitKind> kind = UnitKind.ofFileName(name);
        Optional<UnitFile> parsed = parse(file, bytes, diagnostics);
        return parsed.isPresent() && kind.isPresent()
                ? List.of(new Defined(name, kind.get(), parsed.get())) : List.of();
    }

    private record Found(Path dir, Path path, String name, UnitKind kind, UnitFile file) {
    }

    private static SourceUnit unit(Found f, UnitFile merged) {
        return new SourceUnit(f.name(), f.path().toString(), f.dir().toString(), f.kind(), merged);
    }

    private record Loaded(SourceUnit unit, List<Diagnostic> diagnostics) {
    }

    private static void loadDirectory(Path dir, List<FileNames.Listed> listing, Map<Path, Read> read,
            Map<String, Path> seen, List<Found> found, List<Diagnostic> diagnostics) {
        Map<String, Path> definedHere = new HashMap<>();
        for (FileNames.Listed entry : listing) {
            Path file = entry.path();
            String name = entry.name();
            if (!isSource(name)) {
                continue;
            }
            if (seen.containsKey(name)) {
                Path spec = definedHere.get(name);
                if (spec != null) {
                    diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()), "ignored: '" + name
                            + "' is also defined by " + spec + ", which wins", "define it in one file only"));
                }
                continue;
            }
            Read r = read.get(file);
            if (r.directory()) {
                diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()),
                        "a directory named like a Quadlet file; it is ignored", "rename it"));
                continue;
            }
            diagnostics.addAll(r.diagnostics());
            for (Defined d : r.units()) {
                if (seen.containsKey(d.name())) {
                    Path other = definedHere.get(d.name());
                    if (other != null) {
                        // Two files of one directory define the unit (a spec and a unit file, or two specs).
                        diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()), "'" + d.name()
                                + "' is also defined by " + other + ", which wins", "define it in one file only"));
                    }
                    continue;
                }
                seen.put(d.name(), dir);
                definedHere.put(d.name(), file);
                found.add(new Found(dir, file, d.name(), d.kind(), d.file()));
            }
        }
    }

    private static void loadSingle(Path dir, Path file, Map<Path, Read> read, Map<String, Path> seen,
            List<Found> found, List<Diagnostic> diagnostics) {
        String name = file.getFileName().toString();
        if (MultiUnitFile.isMultiUnitFile(name)) {
            loadMultiUnitFile(dir, file, seen, found, diagnostics);
            return;
        }
        if (!isSource(name)) {
            diagnostics.add(Diagnostic.error(Position.ofFile(file.toString()),
                    "not a Quadlet file: the extension '" + FileNames.extension(name) + "' is not one of "
                            + extensions(), "rename it with one of those extensions"));
            return;
        }
        if (!BerthYaml.isBerthYaml(name) && seen.containsKey(name)) {
            diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()),
                    "ignored: a file named '" + name + "' was already loaded from " + seen.get(name),
                    "give one of them another name"));
            return;
        }
        Read r = read.get(file);
        diagnostics.addAll(r.diagnostics());
        for (Defined d : r.units()) {
            if (seen.containsKey(d.name())) {
                diagnostics.add(Diagnostic.warning(Position.ofFile(file.toString()),
                        "ignored: a unit named '" + d.name() + "' was already loaded from " + seen.get(d.name()),
                        "give one of them another name"));
                continue;
            }
            seen.put(d.name(), dir);
            found.add(new Found(dir, file, d.name(), d.kind(), d.file()));
        }
    }

    /**
     * A {@code .quadlets} file named on the command line ({@code berth check app.quadlets}): each part as the file
     * it names, positions counted in the {@code .quadlets} file. Quadlet's generator does not read these files
     * in its search path, and neither does berth's; {@code berth apply} splits them into their files.
     */
    private static void loadMultiUnitFile(Path dir, Path file, Map<String, Path> seen, List<Found> found,
                                          List<Diagnostic> diagnostics) {
        Optional<byte[]> bytes = readChecked(file, diagnostics);
        if (bytes.isEmpty()) {
            return;
        }
        String text = new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8);
        MultiUnitFile.Result split = MultiUnitFile.split(file.toString(), text);
        diagnostics.addAll(split.diagnostics());
        for (MultiUnitFile.Part part : split.parts()) {
            if (seen.containsKey(part.fileName())) {
                diagnostics.add(Diagnostic.warning(new Position(file.toString(), part.firstLine(), 1),
                        "ignored: a file named '" + part.fileName() + "' was already loaded from "
                                + seen.get(part.fileName()), "give one of them another name"));
                continue;
            }
            ParsedUnitFile parsed = part.parse(file.toString());
            diagnostics.addAll(parsed.diagnostics());
            if (!parsed.hasErrors()) {
                seen.put(part.fileName(), dir);
                found.add(new Found(dir, file, part.fileName(), part.kind(), parsed.file()));
            }
        }
    }

    private static String extensions() {
        StringBuilder sb = new StringBuilder();
        for (UnitKind k : UnitKind.values()) {
            sb.append(sb.isEmpty() ? "" : " ").append('.').append(k.extension());
        }
        return sb.append(' ').append(BerthYaml.EXTENSION).toString();
    }

    /** The parsed file, or empty (with diagnostics) when it cannot be read or has syntax errors. */
    private static Optional<UnitFile> parse(Path file, List<Diagnostic> diagnostics) {
        return readBytes(file, diagnostics).flatMap(bytes -> parse(file, bytes, diagnostics));
    }

    private static Optional<byte[]> readBytes(Path file, List<Diagnostic> diagnostics) {
        Optional<byte[]> quick = PlainFiles.read(file);
        if (quick.isPresent()) {
            return quick;
        }
        return readChecked(file, diagnostics);
    }

    /**
     * The content of a file the shortcut would not read, or empty with the reason in diagnostics: only a regular
     * file (links followed) of at most {@link PlainFiles#LIMIT} bytes is read. A FIFO would block the generator (and
     * boot) until a writer came, a device such as {@code /dev/zero} never ends, a huge file would exhaust memory.
     * {@code berth apply} reads its inputs through here as well, so both refuse the same files the same way.
     */
    public static Optional<byte[]> readChecked(Path file, List<Diagnostic> diagnostics) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                diagnostics.add(Diagnostic.error(Position.ofFile(file.toString()),
                        "not a regular file but " + FileTypes.describe(file, attributes) + "; it is not read",
                        "replace it with a regular file (or a symbolic link to one), or remove it"));
                return Optional.empty();
            }
            if (attributes.size() > PlainFiles.LIMIT) {
                diagnostics.add(tooLarge(file, attributes.size()));
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(PlainFiles.LIMIT + 1);
            }
            if (bytes.length > PlainFiles.LIMIT) {
                diagnostics.add(tooLarge(file, bytes.length));
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Position.ofFile(file.toString()), "cannot read file: " + reason(e),
                    fixFor(e)));
            return Optional.empty();
        }
    }

    private static Diagnostic tooLarge(Path file, long size) {
        return Diagnostic.error(Position.ofFile(file.toString()),
                "the file is " + size + " bytes, larger than the limit of " + PlainFiles.LIMIT_TEXT
                        + " for a Quadlet file or drop-in; it is not read",
                "check that this is the file you meant; a unit file is a few kilobytes");
    }

    private static Optional<UnitFile> parse(Path file, byte[] bytes, List<Diagnostic> diagnostics) {
        ParsedUnitFile parsed = UnitFileParser.parse(file.toString(), bytes);
        diagnostics.addAll(parsed.diagnostics());
        return parsed.hasErrors() ? Optional.empty() : Optional.of(parsed.file());
    }

    /** The sorted entries with their names, empty when the directory does not exist, an error when it cannot be read. */
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

    /**
     * {@code file} with its drop-ins applied, or null (with an error at the unit file) when a drop-in directory or
     * file exists but cannot be read: a unit made without its drop-ins could run without settings the admin relies
     * on (a memory limit, a read-only root), so it is not made at all. Quadlet reported the error and made the unit
     * anyway. A drop-in with syntax errors is still reported and skipped, as Quadlet does.
     */
    private static UnitFile applyDropIns(UnitFile file, Path unitPath, String name, List<Path> roots,
            List<Diagnostic> diagnostics, Map<Path, Set<String>> dotD) {
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
                List<FileNames.Listed> entries;
                try {
                    entries = FileNames.listNamed(dir);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    diagnostics.add(Diagnostic.error(Position.ofFile(unitPath.toString()),
                            "not generated: cannot read its drop-in directory " + dir + ": " + reason(e)
                                    + "; the unit is not made without its drop-ins", fixFor(e)));
                    return null;
                }
                for (FileNames.Listed conf : entries) {
                    if (FileNames.extension(conf.name()).equals(".conf")) {
                        confs.putIfAbsent(conf.name(), conf.path());
                    }
                }
            }
        }
        UnitFile result = file;
        for (Path conf : confs.values()) {
            Optional<byte[]> bytes = PlainFiles.read(conf);
            if (bytes.isEmpty()) {
                List<Diagnostic> why = new ArrayList<>();
                bytes = readChecked(conf, why);
                if (bytes.isEmpty()) {
                    Diagnostic d = why.get(0);
                    diagnostics.add(Diagnostic.error(Position.ofFile(unitPath.toString()),
                            "not generated: its drop-in " + conf + " cannot be read: " + d.message()
                                    + "; the unit is not made without its drop-ins", d.fix().orElse(null)));
                    return null;
                }
            }
            Optional<UnitFile> dropIn = parse(conf, bytes.get(), diagnostics);
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
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // The JDK's text for ELOOP adds "or unable to access attributes of symbolic link".
            return f.getReason().startsWith("Too many levels of symbolic links")
                    ? "a loop of symbolic links (too many levels of symbolic links)"
                    : f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static String fixFor(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "check the permissions of the path and its parent directories";
        }
        if (e instanceof FileSystemException f && f.getReason() != null
                && f.getReason().startsWith("Too many levels of symbolic links")) {
            return "make the symbolic link point to a file that exists, not back to itself";
        }
        return "check that the path exists and is readable";
    }
}
