package dev.berth.install;

import dev.berth.generator.DropInPaths;
import dev.berth.generator.SourceLoader;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.MultiUnitFile;
import dev.berth.spec.quadlet.UnitKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a {@code berth apply} request installs, each with the path it gets relative to the install directory.
 *
 * <ul>
 *   <li>A directory is installed with its whole tree: every regular file below it keeps its relative path
 *       (Quadlet files, drop-in directories, kube YAML, environment files ...). Names starting with a dot
 *       (editor and VCS files, berth's own temporary files) are skipped. A directory whose name ends in
 *       {@code .d} is a drop-in directory and is installed under its own name ({@code web.container.d/}).</li>
 *   <li>A Quadlet file is installed at the top of the install directory, together with the drop-ins the loader
 *       would apply to it from beside it ({@code web.container.d/*.conf}, {@code container.d/*.conf}, ...), so
 *       that what {@code berth check web.container} validated is what gets installed.</li>
 *   <li>Any other file (a kube YAML, an environment file) is installed at the top of the install directory:
 *       {@code berth apply web.kube web.yaml}.</li>
 * </ul>
 * Two inputs that would be installed at the same place with different contents are an error.
 *
 * <p>Symbolic links: a link inside a directory tree (or a drop-in directory beside a file) is followed only when
 * its target lies inside that same tree, and installs what it points to as a regular file. A link that leaves the
 * tree ({@code secret.env -> /etc/shadow}, {@code ssh -> /etc/ssh}) is an error and nothing of its target is
 * read. A PATH named on the command line is the user's explicit choice and is read even when it is a link.
 *
 * <p>Modes: a file that is not world-readable at its source is installed 0600 and its contents are never shown;
 * every other file is installed 0644 (the source's mode capped at 0644: no execute bits, no group or other
 * write).
 *
 * @param files       in request order
 * @param diagnostics missing or unreadable paths, conflicts
 */
public record ApplyInputs(List<Input> files, List<Diagnostic> diagnostics) {

    /**
     * One file to install.
     *
     * @param origin   where it is read from
     * @param relative where it goes, relative to the install directory, with '/' separators
     * @param bytes    its contents
     */
    public record Input(Path origin, String relative, byte[] bytes, boolean worldReadable) {
    }

    public ApplyInputs {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The files by relative path, in request order. */
    public Map<String, Input> byRelativePath() {
        Map<String, Input> m = new LinkedHashMap<>();
        for (Input i : files) {
            m.putIfAbsent(i.relative(), i);
        }
        return m;
    }

    public static ApplyInputs collect(List<Path> arguments) {
        Collector c = new Collector();
        for (Path a : arguments) {
            Path p = a.toAbsolutePath().normalize();
            if (Files.isDirectory(p) && p.getFileName() != null && p.getFileName().toString().endsWith(".d")) {
                // A drop-in directory on its own (web.container.d): it goes beside the file it applies to.
                c.directory(p, p.getFileName().toString() + "/");
            } else if (Files.isDirectory(p)) {
                c.directory(p, "");
            } else if (Files.isRegularFile(p) && MultiUnitFile.isMultiUnitFile(p.getFileName().toString())) {
                c.multiUnitFile(p);
            } else if (Files.isRegularFile(p)) {
                c.file(p, p.getFileName().toString());
                UnitKind.ofFileName(p.getFileName().toString()).ifPresent(k -> c.dropInsBeside(p));
            } else if (Files.exists(p)) {
                c.error(p, "not a regular file or directory", "pass Quadlet files or directories");
            } else {
                c.error(p, "no such file or directory", "check the path");
            }
        }
        return new ApplyInputs(new ArrayList<>(c.files.values()), c.diagnostics);
    }

    /** Gathers inputs, reporting conflicts between them. */
    private static final class Collector {
        final Map<String, Input> files = new LinkedHashMap<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();

        void error(Path p, String message, String fix) {
            diagnostics.add(Diagnostic.error(Position.ofFile(p.toString()), message, fix));
        }

        void directory(Path root, String prefix) {
            Set<Path> visited = new HashSet<>();
            Path realRoot;
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                error(root, "cannot read directory: " + IoErrors.reason(e), IoErrors.fix(e));
                return;
            }
            walk(realRoot, root, root, prefix, visited);
        }

        /**
         * Whether {@code child} may be read as part of the tree whose real path is {@code realRoot}: anything that
         * is not a link, and links whose target lies inside the tree. A link out of it is reported.
         */
        boolean insideTree(Path realRoot, Path child) {
            if (!Files.isSymbolicLink(child)) {
                return true;
            }
            Path target;
            try {
                target = child.toRealPath();
            } catch (IOException dangling) {
                return false; // a dangling link is not configuration; nothing to install
            }
            if (target.startsWith(realRoot)) {
                return true;
            }
            error(child, "a symbolic link out of the source tree (to " + target + "); berth does not install "
                            + "what such a link points to",
                    "copy the file into " + realRoot + " if it is meant to be installed, or remove the link");
            return false;
        }

        /** Depth first, in name order; directory links are followed once (a link loop ends). */
        private void walk(Path realRoot, Path root, Path dir, String prefix, Set<Path> visited) {
            try {
                if (!visited.add(dir.toRealPath())) {
                    return;
                }
            } catch (IOException e) {
                error(dir, "cannot read directory: " + IoErrors.reason(e), IoErrors.fix(e));
                return;
            }
            List<Path> children;
            try (Stream<Path> s = Files.list(dir)) {
                children = s.sorted().toList();
            } catch (IOException e) {
                error(dir, "cannot read directory: " + IoErrors.reason(e), IoErrors.fix(e));
                return;
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || !insideTree(realRoot, child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    walk(realRoot, root, child, prefix, visited);
                } else if (Files.isRegularFile(child)) {
                    file(child, prefix + relative(root, child));
                }
                // sockets, fifos and dangling links are not configuration; nothing to install
            }
        }

        void dropInsBeside(Path quadletFile) {
            Path dir = quadletFile.getParent();
            Path realDir;
            try {
                realDir = dir.toRealPath();
            } catch (IOException e) {
                return;
            }
            for (String dropInDir : DropInPaths.of(quadletFile.getFileName().toString())) {
                Path d = dir.resolve(dropInDir);
                if (!Files.isDirectory(d) || !insideTree(realDir, d)) {
                    continue;
                }
                try (Stream<Path> s = Files.list(d)) {
                    for (Path conf : s.sorted().toList()) {
                        String name = conf.getFileName().toString();
                        if (name.endsWith(".conf") && !name.startsWith(".") && insideTree(realDir, conf)
                                && Files.isRegularFile(conf)) {
                            file(conf, dropInDir + "/" + name);
                        }
                    }
                } catch (IOException e) {
                    error(d, "cannot read directory: " + IoErrors.reason(e), IoErrors.fix(e));
                }
            }
        }

        /** A {@code .quadlets} file: each of its parts installed as the file it names (as podman quadlet install does). */
        void multiUnitFile(Path origin) {
            read(origin).ifPresent(source -> {
                MultiUnitFile.Result split = MultiUnitFile.split(origin.toString(),
                        new String(source.bytes(), java.nio.charset.StandardCharsets.UTF_8));
                diagnostics.addAll(split.diagnostics());
                for (MultiUnitFile.Part part : split.parts()) {
                    // each part as private as the file
                    add(origin, part.fileName(), part.bytes(), source.worldReadable());
                }
            });
        }

        void file(Path origin, String relative) {
            read(origin).ifPresent(source -> add(origin, relative, source.bytes(), source.worldReadable()));
        }

        /** A source file's content and whether others may read it; empty, with the reason in diagnostics, if unread. */
        private record Source(byte[] bytes, boolean worldReadable) {
        }

        private Optional<Source> read(Path origin) {
            boolean worldReadable;
            try {
                worldReadable = Files.getPosixFilePermissions(origin).contains(PosixFilePermission.OTHERS_READ);
            } catch (IOException e) {
                error(origin, "cannot read file: " + IoErrors.reason(e), IoErrors.fix(e));
                return Optional.empty();
            }
            // Bounded, regular files only: the generator's own reading (8 MiB, no FIFO or device).
            return SourceLoader.readChecked(origin, diagnostics).map(bytes -> new Source(bytes, worldReadable));
        }

        private void add(Path origin, String relative, byte[] bytes, boolean worldReadable) {
            Input earlier = files.get(relative);
            if (earlier != null) {
                if (!Arrays.equals(earlier.bytes(), bytes)) {
                    error(origin, "both " + earlier.origin() + " and this file would be installed as " + relative
                                    + ", with different contents",
                            "apply them separately, or rename one of them");
                }
                return;
            }
            files.put(relative, new Input(origin, relative, bytes, worldReadable));
        }

        private static String relative(Path root, Path file) {
            Path rel = root.relativize(file);
            List<String> parts = new ArrayList<>();
            for (Path part : rel) {
                parts.add(part.toString());
            }
            return String.join("/", parts);
        }
    }
}
