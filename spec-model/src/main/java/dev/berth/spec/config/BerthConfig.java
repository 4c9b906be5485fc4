package dev.berth.spec.config;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.ParsedUnitFile;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * berth's own configuration, {@code /etc/berth/berth.conf} (rootless: {@code $XDG_CONFIG_HOME/berth/berth.conf}),
 * in unit-file syntax:
 *
 * <pre>
 * [Generator]
 * QuadletVersion=5.4        # the Quadlet version whose output berth generates; default: the newest supported
 * QuadletGenerator=berth    # berth|podman: which generator owns the Quadlet search path
 * </pre>
 *
 * An unknown section or key, or a value berth cannot use, is an error at its {@code file:line:col}; the rest of
 * the file still applies, and what is wrong keeps its default.
 *
 * @param quadletVersion the version target, {@link QuadletVersion#NEWEST} unless set
 * @param quadletGenerator {@code QuadletGenerator=}, if set
 * @param diagnostics every problem of the file
 */
public record BerthConfig(QuadletVersion quadletVersion, Optional<Generator> quadletGenerator,
                          List<Diagnostic> diagnostics) {

    public static final String SECTION = "Generator";
    public static final String QUADLET_VERSION = "QuadletVersion";
    public static final String QUADLET_GENERATOR = "QuadletGenerator";
    private static final List<String> KEYS = List.of(QUADLET_VERSION, QUADLET_GENERATOR);

    /** {@code QuadletGenerator=}: which Quadlet generator owns the search path. */
    public enum Generator {
        /** berth generates, Podman's generator stays out of the way. */
        BERTH,
        /** Podman's generator generates, berth stays out of the way. */
        PODMAN
    }

    public BerthConfig {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The configuration when there is no file. */
    public static BerthConfig defaults() {
        return new BerthConfig(QuadletVersion.NEWEST, Optional.empty(), List.of());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public static BerthConfig parse(String path, byte[] content) {
        ParsedUnitFile parsed = UnitFileParser.parse(path, content);
        List<Diagnostic> problems = new ArrayList<>(parsed.diagnostics());
        QuadletVersion version = QuadletVersion.NEWEST;
        Optional<Generator> generator = Optional.empty();
        for (Section s : parsed.file().sections()) {
            if (!s.name().equals(SECTION)) {
                problems.add(Diagnostic.error(s.position(), "unknown section [" + s.name() + "] in berth.conf",
                        "berth.conf has one section, [" + SECTION + "]"));
                continue;
            }
            for (Line line : s.lines()) {
                if (!(line instanceof Entry e)) {
                    continue;
                }
                String value = e.value().strip();
                switch (e.key()) {
                    case QUADLET_VERSION -> {
                        Optional<QuadletVersion> v = QuadletVersion.parse(value).filter(QuadletVersion::isSupported);
                        if (v.isPresent()) {
                            version = v.get();
                        } else {
                            problems.add(Diagnostic.error(e.valuePosition(),
                                    "QuadletVersion=" + value + " is not a Quadlet version berth can target",
                                    "use one of " + QuadletVersion.supportedList() + " (default "
                                            + QuadletVersion.NEWEST + ", the newest)"));
                        }
                    }
                    case QUADLET_GENERATOR -> {
                        switch (value) {
                            case "berth" -> generator = Optional.of(Generator.BERTH);
                            case "podman" -> generator = Optional.of(Generator.PODMAN);
                            default -> problems.add(Diagnostic.error(e.valuePosition(),
                                    "QuadletGenerator=" + value + " is neither berth nor podman",
                                    "use QuadletGenerator=berth or QuadletGenerator=podman"));
                        }
                    }
                    default -> problems.add(Diagnostic.error(e.position(),
                            "unknown key '" + e.key() + "' in [" + SECTION + "] of berth.conf",
                            suggestion(e.key())));
                }
            }
        }
        return new BerthConfig(version, generator, problems);
    }

    private static String suggestion(String key) {
        for (String known : KEYS) {
            if (KeyCatalog.distance(key.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT)) <= 3) {
                return "did you mean '" + known + "'?";
            }
        }
        return "the keys of [" + SECTION + "] are " + String.join(", ", KEYS);
    }
}
