package dev.berth.cli;

import dev.berth.generator.ConfigFile;
import dev.berth.generator.Environment;
import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.Generation;
import dev.berth.generator.HostView;
import dev.berth.generator.SearchPath;
import dev.berth.generator.SourceUnit;
import dev.berth.generator.UnitNames;
import dev.berth.install.ManagedUnit;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units berth generates, seen exactly as berth-generator sees them: the search path (rootful or rootless,
 * {@code QUADLET_UNIT_DIRS} honoured), the loader with drop-ins, and the translation. The lifecycle commands
 * name, list and describe units through this, so they cannot disagree with what systemd was given.
 *
 * @param user       rootless search path and translation
 * @param searchPath the directories that were read
 * @param outcome    the whole generation, with diagnostics
 * @param units      one entry per Quadlet file, in load order, then the files that did not parse
 */
public record BerthUnits(boolean user, List<Path> searchPath, Generation.Outcome outcome, List<ManagedUnit> units) {

    public BerthUnits {
        searchPath = List.copyOf(searchPath);
        units = List.copyOf(units);
    }

    /** Reads the search path of {@code env} (the system's, or the user's with {@code user}). */
    public static BerthUnits load(boolean user, Environment env) {
        return of(user, SearchPath.resolve(user, env, ConfigFile.load(user, env).quadletVersion()).directories(), env);
    }

    /** Reads the given search-path directories (already expanded, as {@link SearchPath} returns them). */
    public static BerthUnits of(boolean user, List<Path> directories, Environment env) {
        Generation.Outcome outcome = Generation.run(directories,
                ConfigFile.options(user, env, ConfigFile.load(user, env)), HostView.real());
        return new BerthUnits(user, directories, outcome, managed(outcome));
    }

    private static List<ManagedUnit> managed(Generation.Outcome outcome) {
        Map<String, GeneratedUnit> bySource = new HashMap<>();
        for (GeneratedUnit g : outcome.units().units()) {
            bySource.putIfAbsent(g.source().fileName(), g); // by unit name: a YAML spec's units share its path
        }
        List<ManagedUnit> out = new ArrayList<>();
        for (SourceUnit s : outcome.sources()) {
            Optional<GeneratedUnit> g = Optional.ofNullable(bySource.get(s.fileName()));
            String service = g.map(GeneratedUnit::fileName).orElseGet(() -> UnitNames.serviceName(s) + ".service");
            out.add(new ManagedUnit(service, s, g));
        }
        // A file that does not even parse is not a source, but it is still a unit the user means: keep it (with
        // no content, so its default service name) so that commands can say it has errors.
        for (String failed : outcome.failedFiles()) {
            Path p = Path.of(failed);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            Optional<UnitKind> kind = UnitKind.ofFileName(name);
            boolean loadedUnderThatName = out.stream().anyMatch(u -> u.fileName().equals(name));
            if (kind.isEmpty() || loadedUnderThatName || p.getParent() == null
                    || p.getParent().getFileName().toString().endsWith(".d")) {
                continue;
            }
            SourceUnit empty = new SourceUnit(name, failed, p.getParent().toString(), kind.get(),
                    new UnitFile(failed, List.of()));
            out.add(new ManagedUnit(UnitNames.serviceName(empty) + ".service", empty, Optional.empty()));
        }
        return out;
    }

    /** The unit berth generates under this service name ({@code web.service}), if any. */
    public Optional<ManagedUnit> byService(String service) {
        return units.stream().filter(u -> u.service().equals(service)).findFirst();
    }

    /** The unit generated from the Quadlet file of this path, if any. */
    public Optional<ManagedUnit> bySource(Path source) {
        String p = source.toString();
        return units.stream().filter(u -> u.source().path().equals(p)).findFirst();
    }

    /** Resolves the names users type ({@code web}, {@code web.service}, {@code web.container}). */
    public UnitNameResolver resolver() {
        return new UnitNameResolver(units);
    }
}
