package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generator's command line, parsed the way Go's {@code flag} package does (the reference Quadlet is a Go
 * program and systemd, scripts and tests call it that way): {@code -name} and {@code --name} are the same,
 * boolean flags take {@code -name=false}, parsing stops at the first argument that is not a flag or after
 * {@code --}. The positional arguments are systemd's normal, early and late output directories.
 */
record GeneratorArgs(boolean verbose, boolean noKmsg, boolean user, boolean dryRun, boolean version, boolean help,
        List<String> directories) {

    static final String USAGE = """
            Usage: berth-generator [-v] [-no-kmsg-log] [-dryrun] [-user] [-version] normal-dir [early-dir late-dir]

            A systemd generator: reads Quadlet files (.container .volume .network .pod .kube .image .build
            .artifact) from the Quadlet search path and writes one systemd service per file, with its [Install]
            links, into normal-dir. systemd runs it at boot and on daemon-reload; run it by hand with -dryrun.

              -v            print debug messages (files loaded, written, links made)
              -no-kmsg-log  log to standard error instead of the kernel log (/dev/kmsg)
              -dryrun       print the units to standard output instead of writing them; no directory needed
              -user         rootless mode: the user's search path (also when the program name contains "user")
              -version      print the version and exit
              -help         print this help and exit

            Flags may be written with one or two dashes; boolean flags also accept -flag=true|false.
            Environment: QUADLET_UNIT_DIRS (colon-separated absolute directories, replaces the search path),
            PODMAN (the podman binary written into the units, default /usr/bin/podman),
            XDG_RUNTIME_DIR, XDG_CONFIG_HOME, HOME (rootless search path),
            BERTH_CONFIG (instead of /etc/berth/berth.conf, or $XDG_CONFIG_HOME/berth/berth.conf in user mode).
            Configuration: [Generator] QuadletVersion= in berth.conf, the Quadlet version whose output to generate
            (5.4 to 6.0, default the newest); a bad file is reported and the defaults are used.
            Exit status: 0 all files generated; 1 a file could not be read, parsed, translated or written, or
            berth.conf has an error (every other file is still generated); 2 usage error.
            """;

    /** The parsed arguments, or the usage error message. */
    static Parsed parse(String[] args) {
        boolean verbose = false;
        boolean noKmsg = false;
        boolean user = false;
        boolean dryRun = false;
        boolean version = false;
        boolean help = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
            if (body.isEmpty() || body.startsWith("-") || body.startsWith("=")) {
                return Parsed.error("bad flag syntax: " + a);
            }
            String name = body;
            Optional<String> value = Optional.empty();
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = Optional.of(body.substring(eq + 1));
            }
            Optional<Boolean> b = value.isEmpty() ? Optional.of(true) : parseBool(value.get());
            if (b.isEmpty()) {
                return Parsed.error("invalid boolean value \"" + value.get() + "\" for -" + name);
            }
            boolean on = b.get();
            switch (name) {
                case "v" -> verbose = on;
                case "no-kmsg-log" -> noKmsg = on;
                case "user" -> user = on;
                case "dryrun" -> dryRun = on;
                case "version" -> version = on;
                case "h", "help" -> help = true;
                default -> {
                    return Parsed.error("flag provided but not defined: -" + name);
                }
            }
        }
        List<String> dirs = new ArrayList<>();
        for (; i < args.length; i++) {
            dirs.add(args[i]);
        }
        return new Parsed(Optional.of(new GeneratorArgs(verbose, noKmsg, user, dryRun, version, help, dirs)),
                Optional.empty());
    }

    /** Go's {@code strconv.ParseBool}. */
    static Optional<Boolean> parseBool(String v) {
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    record Parsed(Optional<GeneratorArgs> args, Optional<String> error) {
        static Parsed error(String message) {
            return new Parsed(Optional.empty(), Optional.of(message));
        }
    }
}
