package dev.berth.cli;

import dev.berth.install.FileStore;
import dev.berth.generator.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A machine for the apply and remove tests: a temporary file-system root (so the system install directory is
 * {@code ROOT/etc/containers/systemd}), a source directory, an in-memory systemd, and the commands run as the CLI
 * runs them.
 */
final class ApplyFixture {

    final Path root;
    final Path src;
    final Path install;
    final RecordingSystemd systemd = new RecordingSystemd();
    SystemdFactory factory = systemd.factory();
    Map<String, String> variables = Map.of();

    ApplyFixture(Path tmp) throws IOException {
        this.root = tmp.toRealPath().resolve("root");
        this.src = tmp.toRealPath().resolve("src");
        this.install = root.resolve("etc/containers/systemd");
        Files.createDirectories(root);
        Files.createDirectories(src);
    }

    Environment env() {
        return Environment.of(variables, 0, root);
    }

    Path source(String relative, String text) throws IOException {
        return write(src.resolve(relative), text);
    }

    Path installed(String relative, String text) throws IOException {
        return write(install.resolve(relative), text);
    }

    static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** {@code berth ARGS} with the real file store. */
    Run berth(String... args) {
        return Run.of((out, err) -> Berth.execute(args, session(out, err)));
    }

    /** {@code berth apply|remove ARGS} with the given file store. */
    Run withStore(FileStore store, String command, String... args) {
        return Run.of((out, err) -> {
            Berth.Session session = session(out, err);
            Object cmd = command.equals("apply") ? new ApplyCommand(session, store) : new RemoveCommand(session, store);
            CommandLine cl = new CommandLine(cmd);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return cl.execute(args);
        });
    }

    private Berth.Session session(PrintStream out, PrintStream err) {
        return new Berth.Session(out, err, env(), factory, (argv, lines) -> {
            throw new IOException("no journal in these tests");
        }, Clock.systemUTC());
    }

    /** Every file and directory under {@code dir}: relative path -> contents and mode ("dir 755" for directories). */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir " + mode : mode + " " + Files.readString(p));
            }
        }
        return out;
    }
}
