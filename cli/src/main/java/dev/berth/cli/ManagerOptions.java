package dev.berth.cli;

import picocli.CommandLine.Option;

/** The options every lifecycle command shares: which systemd manager, and how to print. */
final class ManagerOptions {

    @Option(names = "--user",
            description = "Manage your own user's units: the user's systemd instance (over $XDG_RUNTIME_DIR/bus) "
                    + "and the rootless search path (~/.config/containers/systemd, ...), instead of the system "
                    + "manager and /etc/containers/systemd.")
    boolean user;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json (one document on standard output, described "
                    + "above; errors as {\"errors\": [{kind, name, problem, fix}]}).")
    OutputFormat format;
}
