package dev.berth.cli;

import picocli.CommandLine.Option;

/**
 * The options every lifecycle command shares: which systemd manager, and how to print. Like systemctl's, they may
 * also come before the command ({@code berth --user status}); see {@link GlobalOptions}.
 */
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

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing on success: is-active, is-enabled and is-failed answer by exit status "
                    + "only, and job commands do not print 'started NAME'. Problems are still printed.")
    boolean quiet;

    @Option(names = "--no-pager", description = "Accepted for systemctl's habit; berth never pages its output.")
    boolean noPager;
}
