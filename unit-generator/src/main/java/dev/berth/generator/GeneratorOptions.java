package dev.berth.generator;

import dev.berth.spec.quadlet.QuadletVersion;

/**
 * How to generate.
 *
 * @param user rootless mode: the user's search paths, and a user-session network-online dependency
 * @param podman the podman binary written into the units ({@code /usr/bin/podman}, or {@code $PODMAN})
 * @param target the Quadlet version whose output to generate ({@code [Generator] QuadletVersion=} of berth.conf)
 */
public record GeneratorOptions(boolean user, String podman, QuadletVersion target) {

    public static final String DEFAULT_PODMAN = "/usr/bin/podman";

    /** For the newest supported Quadlet version. */
    public GeneratorOptions(boolean user, String podman) {
        this(user, podman, QuadletVersion.NEWEST);
    }

    /** The options a generator run takes from its environment: {@code $PODMAN} overrides the podman path. */
    public static GeneratorOptions of(boolean user, Environment env) {
        String podman = env.variable("PODMAN").filter(p -> !p.isEmpty()).orElse(DEFAULT_PODMAN);
        return new GeneratorOptions(user, podman);
    }

    public static GeneratorOptions system() {
        return new GeneratorOptions(false, DEFAULT_PODMAN);
    }

    public static GeneratorOptions rootless() {
        return new GeneratorOptions(true, DEFAULT_PODMAN);
    }

    public GeneratorOptions withPodman(String path) {
        return new GeneratorOptions(user, path, target);
    }

    public GeneratorOptions withTarget(QuadletVersion version) {
        return new GeneratorOptions(user, podman, version);
    }
}
