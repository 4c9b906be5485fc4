package dev.berth.compose;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;

/**
 * How to convert a Compose file.
 *
 * @param projectName overrides the project name (else {@code name:}, {@code COMPOSE_PROJECT_NAME}, the directory's name)
 * @param environment the process environment: it wins over the {@code .env} file, as in Compose
 * @param envFile the variables file to use instead of the {@code .env} beside the Compose file
 * @param profiles the profiles to activate, besides those in {@code COMPOSE_PROFILES}
 */
public record ComposeOptions(Optional<String> projectName, Function<String, Optional<String>> environment, Optional<Path> envFile,
                             Set<String> profiles) {

    public ComposeOptions {
        profiles = Set.copyOf(profiles);
    }

    public static ComposeOptions defaults(Function<String, Optional<String>> environment) {
        return new ComposeOptions(Optional.empty(), environment, Optional.empty(), Set.of());
    }
}
