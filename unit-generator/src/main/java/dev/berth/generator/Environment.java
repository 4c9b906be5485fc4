package dev.berth.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The few facts about the running process that decide where Quadlet files are looked for: environment
 * variables, the user id, and the file-system root the fixed directories hang from. An interface so tests can
 * fake all of it with temporary directories.
 */
public interface Environment {

    /** An environment variable; empty when unset. A variable set to the empty string is present and empty. */
    Optional<String> variable(String name);

    /** The effective user id, for {@code /etc/containers/systemd/users/<uid>}. */
    int uid();

    /**
     * Where the fixed directories ({@code /etc/containers/systemd}, ...) are looked up: {@code /} normally, a
     * temporary directory in tests. Paths in the result of {@link SearchPath#of} are under this root.
     */
    default Path root() {
        return Path.of("/");
    }

    /** The real process environment. */
    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public int uid() {
                return currentUid();
            }
        };
    }

    /** A fixed environment: the given variables, uid and root. */
    static Environment of(Map<String, String> variables, int uid, Path root) {
        Map<String, String> copy = Map.copyOf(variables);
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public int uid() {
                return uid;
            }

            @Override
            public Path root() {
                return root;
            }
        };
    }

    static Environment of(Map<String, String> variables, int uid) {
        return of(variables, uid, Path.of("/"));
    }

    /**
     * The process's uid without native code: {@code /proc/self} belongs to the process's effective user.
     * Falls back to -1 (no per-user directory) when that cannot be read.
     */
    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (Exception e) {
            return -1;
        }
    }
}
