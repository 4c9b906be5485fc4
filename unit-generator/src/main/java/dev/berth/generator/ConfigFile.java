package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.config.BerthConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where berth.conf is and reading it: {@code /etc/berth/berth.conf} for the system, and for a user
 * {@code $XDG_CONFIG_HOME/berth/berth.conf} (default {@code ~/.config/berth/berth.conf}). {@code $BERTH_CONFIG}
 * names another file (tests, trying a setting out). A missing file is the defaults; an unreadable one is an error
 * and the defaults.
 */
public final class ConfigFile {

    public static final String SYSTEM = "/etc/berth/berth.conf";
    public static final String OVERRIDE_VARIABLE = "BERTH_CONFIG";

    private ConfigFile() {
    }

    /** The file that configures the system's ({@code user=false}) or the calling user's berth, if one can be named. */
    public static Optional<Path> location(boolean user, Environment env) {
        Optional<String> override = env.variable(OVERRIDE_VARIABLE).filter(v -> !v.isEmpty());
        if (override.isPresent()) {
            return Optional.of(Path.of(override.get()));
        }
        if (!user) {
            return Optional.of(env.root().resolve(SYSTEM.substring(1)));
        }
        Optional<String> xdg = env.variable("XDG_CONFIG_HOME").filter(v -> v.startsWith("/"));
        if (xdg.isPresent()) {
            return Optional.of(Path.of(xdg.get(), "berth", "berth.conf"));
        }
        return env.variable("HOME").filter(v -> v.startsWith("/"))
                .map(home -> Path.of(home, ".config", "berth", "berth.conf"));
    }

    public static BerthConfig load(boolean user, Environment env) {
        Optional<Path> file = location(user, env);
        if (file.isEmpty()) {
            return BerthConfig.defaults();
        }
        if (Files.notExists(file.get())) {
            return BerthConfig.defaults(); // the usual case: one stat, no exception at every boot
        }
        try {
            return BerthConfig.parse(file.get().toString(), Files.readAllBytes(file.get()));
        } catch (NoSuchFileException e) {
            return BerthConfig.defaults();
        } catch (IOException e) {
            BerthConfig d = BerthConfig.defaults();
            return new BerthConfig(d.quadletVersion(), d.quadletGenerator(), List.of(Diagnostic.error(
                    Position.ofFile(file.get().toString()), "cannot read berth's configuration: " + e.getMessage(),
                    "make the file readable, or remove it to use the defaults")));
        }
    }

    /** {@link GeneratorOptions#of} with the configured Quadlet version target. */
    public static GeneratorOptions options(boolean user, Environment env, BerthConfig config) {
        return GeneratorOptions.of(user, env).withTarget(config.quadletVersion());
    }
}
