package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ordered list of directories Quadlet files are read from; earlier directories win for a file name.
 *
 * <p>Each configured directory is walked recursively: every sub-directory becomes a source directory of its
 * own, right after its parent, depth first, in file-name order. Symbolic links to directories are followed
 * (the real path is what is listed, as Quadlet does), a directory reached twice is listed once (so link loops
 * end), and directories whose name ends in {@code .d} are drop-in directories and are not descended.
 *
 * <p>Rootful: {@code /run/containers/systemd}, {@code /etc/containers/systemd},
 * {@code /usr/share/containers/systemd}, skipping the per-user trees {@code .../users}. Rootless:
 * {@code $XDG_RUNTIME_DIR/containers/systemd}, {@code $XDG_CONFIG_HOME/containers/systemd} (default
 * {@code ~/.config}), then for {@code /etc/containers/systemd} and {@code /usr/share/containers/systemd}:
 * {@code users} (without its numeric sub-directories, which belong to single users) and {@code users/<uid>}
 * ({@code /usr/share/containers/systemd/users} since Podman 6.0, so only for that target).
 * {@code QUADLET_UNIT_DIRS} (colon-separated absolute paths) replaces all of these.
 *
 * <p>Unlike Quadlet, "under {@code users}" is decided by path components, not by string prefix (Quadlet's test
 * treats {@code /etc/containers/systemd/users2} as under {@code users}), and applies to both the
 * {@code /etc} and the {@code /usr/share} tree.
 */
public final class SearchPath {

    static final String TEMP = "run/containers/systemd";
    static final String ADMIN = "etc/containers/systemd";
    static final String DISTRO = "usr/share/containers/systemd";
    static final String UNIT_DIRS_VARIABLE = "QUADLET_UNIT_DIRS";

    /**
     * The directories, warnings about settings that had to be ignored, and the walk's listings of the directories
     * (for {@link SourceLoader#load(Result)}).
     */
    public record Result(List<Path> directories, List<Diagnostic> diagnostics, DirectoryListings listings) {
        public Result {
            directories = List.copyOf(directories);
            diagnostics = List.copyOf(diagnostics);
        }

        public Result(List<Path> directories, List<Diagnostic> diagnostics) {
            this(directories, diagnostics, DirectoryListings.NONE);
        }
    }

    private SearchPath() {
    }

    /** The source directories of the generator, rootful or rootless. */
    public static List<Path> of(boolean user, Environment env) {
        return resolve(user, env).directories();
    }

    /** Like {@link #of}, with the warnings about ignored settings (for example a relative path). */
    public static Result resolve(boolean user, Environment env) {
        return resolve(user, env, QuadletVersion.NEWEST);
    }

    /**
     * {@link #resolve(boolean, Environment)} for a Quadlet version target: before 6.0 the rootless search path has
     * no {@code /usr/share/containers/systemd/users} directories.
     */
    public static Result resolve(boolean user, Environment env, QuadletVersion target) {
        Walk walk = new Walk();
        Optional<String> override = env.variable(UNIT_DIRS_VARIABLE).filter(v -> !v.isEmpty());
        if (override.isPresent()) {
            for (String entry : override.get().split(":", -1)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path p = Path.of(entry);
                if (!p.isAbsolute()) {
                    walk.warn("$" + UNIT_DIRS_VARIABLE, "'" + entry + "' is not an absolute path; it is ignored",
                            "write it as an absolute path, for example " + Path.of("/").resolve(p).normalize());
                    continue;
                }
                walk.add(p, any -> true);
            }
            return walk.result();
        }
        Path root = env.root();
        if (user) {
            rootless(walk, env, root, target.has(QuadletBehaviour.ROOTLESS_SHARE_USERS));
        } else {
            Predicate<Path> notUsers = notUnder(List.of(real(root.resolve(ADMIN).resolve("users")),
                    real(root.resolve(DISTRO).resolve("users"))));
            walk.add(root.resolve(TEMP), notUsers);
            walk.add(root.resolve(ADMIN), notUsers);
            walk.add(root.resolve(DISTRO), notUsers);
        }
        return walk.result();
    }

    /** The given directories, each walked recursively by the same rules, without any user filter. */
    public static Result expand(List<Path> roots) {
        Walk walk = new Walk();
        for (Path r : roots) {
            walk.add(r.toAbsolutePath().normalize(), any -> true);
        }
        return walk.result();
    }

    /**
     * Where {@code berth apply} installs Quadlet files: {@code /etc/containers/systemd} (under
     * {@link Environment#root()}), or for a user {@code $XDG_CONFIG_HOME/containers/systemd} (default
     * {@code ~/.config/containers/systemd}), the directory the user's generator reads after the runtime one.
     * Empty for a user when neither {@code XDG_CONFIG_HOME} nor {@code HOME} is an absolute path.
     */
    public static Optional<Path> installDirectory(boolean user, Environment env) {
        if (!user) {
            return Optional.of(env.root().resolve(ADMIN));
        }
        return configHome(new Walk(), env).map(config -> config.resolve("containers/systemd"));
    }

    /**
     * The directory whose files win over the install directory's for the same file name:
     * {@code /run/containers/systemd}, or {@code $XDG_RUNTIME_DIR/containers/systemd} for a user (empty when unset).
     */
    public static Optional<Path> runtimeDirectory(boolean user, Environment env) {
        if (!user) {
            return Optional.of(env.root().resolve(TEMP));
        }
        return env.variable("XDG_RUNTIME_DIR").filter(r -> !r.isEmpty() && Path.of(r).isAbsolute())
                .map(r -> Path.of(r, "containers", "systemd"));
    }

    private static void rootless(Walk walk, Environment env, Path root, boolean shareUsers) {
        Optional<String> runtime = env.variable("XDG_RUNTIME_DIR");
        if (runtime.isPresent()) {
            if (runtime.get().isEmpty() || !Path.of(runtime.get()).isAbsolute()) {
                walk.warn("$XDG_RUNTIME_DIR", "'" + runtime.get() + "' is not an absolute path; "
                        + "$XDG_RUNTIME_DIR/containers/systemd is not searched", "set XDG_RUNTIME_DIR to an absolute path");
            } else {
                walk.add(Path.of(runtime.get(), "containers", "systemd"), any -> true);
            }
        }
        configHome(walk, env).ifPresent(config -> walk.add(config.resolve("containers/systemd"), any -> true));
        for (String base : shareUsers ? List.of(ADMIN, DISTRO) : List.of(ADMIN)) {
            Path users = root.resolve(base).resolve("users");
            walk.add(users, withoutUserIds(real(users)));
            if (env.uid() >= 0) {
                walk.add(users.resolve(Integer.toString(env.uid())), any -> true);
            }
        }
    }

    /**
     * {@code $XDG_CONFIG_HOME}, or {@code $HOME/.config}. A relative {@code XDG_CONFIG_HOME} is ignored, as
     * the XDG base-directory specification asks (Go's {@code os.UserConfigDir} fails instead, and Quadlet then
     * skips the {@code /etc/containers/systemd/users} directories too).
     */
    private static Optional<Path> configHome(Walk walk, Environment env) {
        Optional<String> xdg = env.variable("XDG_CONFIG_HOME").filter(v -> !v.isEmpty());
        if (xdg.isPresent()) {
            if (Path.of(xdg.get()).isAbsolute()) {
                return Optional.of(Path.of(xdg.get()));
            }
            walk.warn("$XDG_CONFIG_HOME", "'" + xdg.get() + "' is not an absolute path; it is ignored",
                    "set XDG_CONFIG_HOME to an absolute path, or unset it to use $HOME/.config");
        }
        Optional<String> home = env.variable("HOME").filter(v -> !v.isEmpty());
        if (home.isEmpty() || !Path.of(home.get()).isAbsolute()) {
            walk.warn("$HOME", "neither $XDG_CONFIG_HOME nor $HOME is set to an absolute path; "
                    + "the user's containers/systemd directory is not searched", "set HOME");
            return Optional.empty();
        }
        return Optional.of(Path.of(home.get(), ".config"));
    }

    /** Accepts paths that are not inside (or equal to) any of {@code dirs}, comparing whole path components. */
    static Predicate<Path> notUnder(List<Path> dirs) {
        return p -> dirs.stream().noneMatch(p::startsWith);
    }

    /**
     * Inside {@code users}, skips the sub-directories named by a number: those are other users' directories
     * (the caller's own is added separately, after all shared ones).
     */
    static Predicate<Path> withoutUserIds(Path users) {
        return p -> {
            if (!p.startsWith(users) || p.equals(users)) {
                return true;
            }
            String first = p.getName(users.getNameCount()).toString();
            return !first.chars().allMatch(c -> c >= '0' && c <= '9');
        };
    }

    /** The real path when it exists, else the path itself, so filters compare like with like. */
    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * The longest path the kernel accepts in one system call ({@code PATH_MAX} on Linux, 4096 bytes with the final
     * NUL). A directory whose path is longer cannot be listed or read by path, by berth, Quadlet or systemd.
     */
    static final int PATH_MAX = 4095;

    /**
     * One walk over directory trees, remembering what it has visited. Iterative, with a stack of its own: a
     * recursion per level overflowed the generator's small thread stack at about 1600 nested directories. The real
     * path of a sub-directory that is not a symbolic link is its parent's real path and its name, so only links
     * are resolved (resolving every level again made a deep tree quadratic).
     */
    private static final class Walk {
        private final Set<Path> visited = new LinkedHashSet<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<Path, List<FileNames.Listed>> listings = new HashMap<>();

        void warn(String what, String message, String fix) {
            diagnostics.add(Diagnostic.warning(Position.ofFile(what), message, fix));
        }

        /** Walks {@code path} (a configured directory, resolved here) and everything under it. */
        void add(Path path, Predicate<Path> accept) {
            if (isDropInDirectory(path)) {
                return;
            }
            Path resolved;
            try {
                resolved = path.toRealPath();
            } catch (NoSuchFileException e) {
                return; // a directory that does not exist holds no files; nothing to report
            } catch (IOException e) {
                // Cannot resolve (for example no search permission): keep it, so the loader reports why.
                visited.add(path);
                return;
            }
            walk(resolved, accept);
        }

        /** Depth first, each directory before its sub-directories, those in name order: as the recursion did. */
        private void walk(Path root, Predicate<Path> accept) {
            ArrayDeque<Path> pending = new ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty()) {
                Path dir = pending.pop();
                if (visited.contains(dir) || isDropInDirectory(dir) || !accept.test(dir)) {
                    continue;
                }
                if (tooLong(dir)) {
                    diagnostics.add(Diagnostic.error(Position.ofFile(dir.toString()),
                            "cannot examine this entry: its path is longer than " + PATH_MAX + " bytes (PATH_MAX), "
                                    + "so no program can open it by its path; if it is a directory, its Quadlet files "
                                    + "are not read", "move the Quadlet files to a directory with a shorter path"));
                    continue;
                }
                visited.add(dir);
                List<FileNames.Listed> children = children(dir, listings);
                // One stat per entry, on all cores for a large directory; the walk itself stays in order.
                List<Path> sub = Parallel.map(children, c -> subDirectory(dir, c));
                for (int i = sub.size() - 1; i >= 0; i--) {
                    if (sub.get(i) != null) {
                        pending.push(sub.get(i)); // pushed last to first, so popped in name order
                    }
                }
            }
        }

        /**
         * The real path of entry {@code c} of real directory {@code dir} when it is a directory (or a link to one),
         * else null. Files are skipped: only directories are search directories. A link that cannot be resolved (a
         * loop, a dangling link) is not a directory here; the loader reports it when its name is a Quadlet name.
         */
        private static Path subDirectory(Path dir, FileNames.Listed c) {
            Path p = c.path();
            if (c.name().endsWith(".d") || PlainFiles.isCertainlyFile(p)) {
                return null; // a drop-in directory by its own name, or a file (most entries)
            }
            BasicFileAttributes own;
            try {
                own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null; // gone since the listing
            } catch (IOException | RuntimeException e) {
                // Cannot be examined (too long, no search permission): the walk keeps it, so that it or the loader
                // reports why, unless it is named like a Quadlet file, which the loader reports as a file.
                return UnitKind.ofFileName(c.name()).isEmpty() ? p : null;
            }
            if (own.isDirectory()) {
                return p; // in a real directory, an entry that is not a link is its own real path
            }
            if (!own.isSymbolicLink()) {
                return null;
            }
            try {
                Path real = p.toRealPath();
                return Files.isDirectory(real) ? real : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Whether {@code p} is longer than {@link #PATH_MAX} bytes; cheap for the usual short path. */
        private static boolean tooLong(Path p) {
            String s = p.toString();
            return s.length() > PATH_MAX / 3 && utf8Length(p) > PATH_MAX; // at most 3 bytes per char
        }

        private static int utf8Length(Path p) {
            return p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        /**
         * Sorted by name; an unreadable directory has none here and the loader reports it. The entries are kept
         * as the paths the directory stream returns, which hold the raw bytes of the name, so a name the
         * platform encoding cannot decode is still reachable.
         */
        private static List<FileNames.Listed> children(Path dir, Map<Path, List<FileNames.Listed>> listings) {
            List<FileNames.Listed> named;
            try {
                named = FileNames.listNamed(dir);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            listings.put(dir, named);
            return named;
        }

        private static boolean isDropInDirectory(Path p) {
            Path name = p.getFileName();
            return name != null && name.toString().endsWith(".d");
        }

        Result result() {
            return new Result(new ArrayList<>(visited), diagnostics, new DirectoryListings(listings));
        }
    }
}
