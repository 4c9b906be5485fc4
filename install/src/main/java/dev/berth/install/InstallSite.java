package dev.berth.install;

import dev.berth.generator.ConfigFile;
import dev.berth.generator.Environment;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.SearchPath;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directory {@code berth apply} installs into and {@code berth remove} removes from, with the search path it
 * sits on: {@code /etc/containers/systemd} for the system, {@code $XDG_CONFIG_HOME/containers/systemd} (default
 * {@code ~/.config/containers/systemd}) with {@code --user}.
 *
 * @param user        rootless
 * @param directory   the install directory as configured (it may not exist yet)
 * @param searchPath  the generator's search path now, and its warnings
 * @param options     the generator options (rootless or not, the podman path)
 * @param runtime     the directory whose files win over the install directory's
 * @param root        the file system's root ({@code /}; a test's directory), against which paths systemd reports
 *                    (a unit's FragmentPath) are read
 */
public record InstallSite(boolean user, Path directory, SearchPath.Result searchPath, GeneratorOptions options,
                   Optional<Path> runtime, Path root) {

    /** The site, or empty when the user's directory cannot be known (no absolute HOME or XDG_CONFIG_HOME). */
    public static Optional<InstallSite> of(boolean user, Environment env) {
        return SearchPath.installDirectory(user, env).map(dir -> new InstallSite(user, dir,
                SearchPath.resolve(user, env), ConfigFile.options(user, env, ConfigFile.load(user, env)),
                SearchPath.runtimeDirectory(user, env), env.root()));
    }

    /** The error when {@link #of} is empty. */
    public static Diagnostic unknownDirectory() {
        return Diagnostic.error(Position.ofFile("$HOME"),
                "cannot tell where the user's Quadlet files go: neither XDG_CONFIG_HOME nor HOME is an absolute path",
                "set HOME (or XDG_CONFIG_HOME) to an absolute path");
    }

    /** The install directory with symbolic links resolved, as the search path lists it. */
    public Path real() {
        return StagedInstall.realOrAncestor(directory);
    }

    /** The generation over the search path as it is now. */
    public Generation.Outcome current() {
        return Generation.run(searchPath.directories(), options, HostView.real());
    }

    /** The generation over the search path with the install directory changed as given (nothing is written). */
    Generation.Outcome staged(StagedInstall staged) {
        return staged.generate(staged.searchPath(searchPath.directories(), runtime), options, HostView.real());
    }

    StagedInstall stage(Map<String, ApplyInputs.Input> additions, Set<String> deletions) throws IOException {
        return StagedInstall.build(directory, user, additions, deletions);
    }

    /** The path a relative install path names. */
    public Path resolve(String relative) {
        return directory.resolve(relative);
    }

    /**
     * The first symbolic link on the way from the install directory to {@code relative} (the file itself included),
     * if there is one: writing or deleting there would act on whatever the link points to.
     */
    public Optional<Path> linkOnTheWay(String relative) {
        Path p = real();
        for (Path part : Path.of(relative)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The current bytes of an installed file; empty when there is none. */
    static Optional<byte[]> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }

    /**
     * The errors that stop a change: every error in the changed files, and errors elsewhere that the change brings
     * (a file that now refers to something missing). Errors that were already there before are not the change's
     * doing and do not stop it; {@link #preexisting} lists them.
     */
    static List<Diagnostic> blocking(Generation.Outcome before, Generation.Outcome after, StagedInstall staged) {
        Set<String> old = formatted(before);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : after.diagnostics()) {
            if (d.isError() && (staged.isApplied(d.position().file()) || !old.contains(d.format()))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Errors of untouched files that were already there before the change. */
    static List<Diagnostic> preexisting(Generation.Outcome before, Generation.Outcome after, StagedInstall staged) {
        Set<String> old = formatted(before);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : after.diagnostics()) {
            if (d.isError() && !staged.isApplied(d.position().file()) && old.contains(d.format())) {
                out.add(d);
            }
        }
        return out;
    }

    private static Set<String> formatted(Generation.Outcome o) {
        Set<String> s = new HashSet<>();
        o.diagnostics().forEach(d -> s.add(d.format()));
        return s;
    }
}
