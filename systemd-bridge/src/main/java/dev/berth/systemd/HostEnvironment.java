package dev.berth.systemd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The few facts about the running process that decide how to reach systemd: environment variables, the user id,
 * and which socket files exist. Injected, so that choosing a bus is tested without touching the machine.
 *
 * @param variables    the environment
 * @param uid          the real user id (0 = root)
 * @param socketExists whether a socket (or any file) exists at a path
 */
public record HostEnvironment(Map<String, String> variables, long uid, Predicate<Path> socketExists) {

    public HostEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process: {@link System#getenv()}, its uid, and the real file system. */
    public static HostEnvironment current() {
        return new HostEnvironment(System.getenv(), currentUid(), Files::exists);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public boolean root() {
        return uid == 0;
    }

    /** {@code $XDG_RUNTIME_DIR}, or {@code /run/user/UID} where pam_systemd would have put it (e.g. under sudo -u). */
    public Path runtimeDirectory() {
        return variable("XDG_RUNTIME_DIR").map(Path::of).orElse(Path.of("/run/user", Long.toString(uid)));
    }

    /** dbus-java authenticates with this same uid (SASL EXTERNAL), so it is the one that matters for access. */
    private static long currentUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}
