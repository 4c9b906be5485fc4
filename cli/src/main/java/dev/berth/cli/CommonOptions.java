package dev.berth.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code generate} and {@code check} share. */
final class CommonOptions {

    @Option(names = "--user",
            description = "Rootless mode: without PATH, read the user's search path "
                    + "($XDG_RUNTIME_DIR/containers/systemd, ~/.config/containers/systemd, "
                    + "/etc/containers/systemd/users[/UID], /usr/share/containers/systemd/users[/UID]); "
                    + "units depend on podman-user-wait-network-online.service instead of network-online.target.")
    boolean user;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json. json prints one document: "
                    + "{\"files\", \"diagnostics\": [{file, line, column, severity, message, fix}], "
                    + "\"units\": [{name, source, installLinks, text}], \"summary\": {files, errors, warnings}}; "
                    + "units carry their text with generate only; line and column are 0 when a problem concerns "
                    + "a whole file.")
    OutputFormat format;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Quadlet files or directories. A directory is read like a search-path directory "
                    + "(recursively, sub-directories ending in .d are drop-in directories); a file is read on its "
                    + "own, its drop-ins looked up beside it. The first file of a given name wins. "
                    + "Default: the generator's search path (QUADLET_UNIT_DIRS when set).")
    List<Path> paths = new ArrayList<>();
}
