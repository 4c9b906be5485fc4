package dev.berth.generator;

/**
 * How to generate.
 *
 * @param user rootless mode: the user's search paths, and a user-session network-online dependency
 * @param podman the podman binary written into the units ({@code /usr/bin/podman}, or {@code $PODMAN})
 */
public record GeneratorOptions(boolean user, String podman) {

    public static final String DEFAULT_PODMAN = "/usr/bin/podman";

    public static GeneratorOptions system() {
        return new GeneratorOptions(false, DEFAULT_PODMAN);
    }

    public static GeneratorOptions rootless() {
        return new GeneratorOptions(true, DEFAULT_PODMAN);
    }

    public GeneratorOptions withPodman(String path) {
        return new GeneratorOptions(user, path);
    }
}
