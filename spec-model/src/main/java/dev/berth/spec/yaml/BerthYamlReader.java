package dev.berth.spec.yaml;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.quadlet.ValueKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code .berth.yaml} spec into the same {@link UnitFile}s the unit-file parser produces, one per unit,
 * with the positions of the YAML nodes. A YAML value is the text a unit file would hold: scalars as written
 * (booleans as {@code true}/{@code false}, null as an empty assignment), a list as the key repeated, a map as one
 * {@code name=value} assignment per entry. Which keys exist and what their values mean is left to the same
 * validation and translation as unit files, so both syntaxes get the same diagnostics.
 */
public final class BerthYamlReader {

    private BerthYamlReader() {
    }

    public static BerthYaml.Parsed read(String path, byte[] content) {
        return read(path, content, YamlLimits.DEFAULT);
    }

    public static BerthYaml.Parsed read(String path, byte[] content, YamlLimits limits) {
        SafeYaml.Result yaml = SafeYaml.read(path, content, limits);
        if (yaml.hasErrors()) {
            return new BerthYaml.Parsed(List.of(), yaml.diagnostics());
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<BerthYaml.Unit> units = new ArrayList<>();
        yaml.root().ifPresent(root -> readRoot(path, root, units, problems));
        boolean failed = problems.stream().anyMatch(Diagnostic::isError);
        return new BerthYaml.Parsed(failed ? List.of() : units, problems);
    }

    private static void readRoot(String path, YamlNode root, List<BerthYaml.Unit> units, List<Diagnostic> problems) {
        if (root instanceof YamlNode.Scalar s && s.isNull()) {
            return;
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            problems.add(Diagnostic.error(root.position(), "a berth spec is a map with a 'units' key, not "
                    + root.describe(), "start the file with 'units:'"));
            return;
        }
        for (YamlNode.Pair p : top.pairs()) {
            String key = p.key().value();
            if (key.equals(BerthYaml.UNITS)) {
                readUnits(path, p.value(), units, problems);
            } else if (!key.startsWith("x-")) {
                int d = KeyCatalog.distance(key.toLowerCase(java.util.Locale.ROOT), BerthYaml.UNITS);
                problems.add(Diagnostic.error(p.key().position(), "unknown top-level key '" + key + "'",
                        d <= 2 ? "did you mean 'units'?" : "a spec has 'units:' and 'x-' keys of your own only"));
            }
        }
    }

    private static void readUnits(String path, YamlNode node, List<BerthYaml.Unit> units, List<Diagnostic> problems) {
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(Diagnostic.error(node.position(), "'units' is a map from unit file names to units, not "
                    + node.describe(), "write units:\\n  web.container:\\n    Container:\\n      Image: ..."));
            return;
        }
        for (YamlNode.Pair p : m.pairs()) {
            String name = p.key().value();
            Optional<UnitKind> kind = UnitKind.ofFileName(name);
            int dot = name.lastIndexOf('.');
            if (kind.isEmpty() || dot <= 0 || name.contains("/")) {
                problems.add(Diagnostic.error(p.key().position(), "'" + name + "' is not a Quadlet unit name",
                        "name it like its file: NAME.container, NAME.volume, NAME.network, NAME.pod, NAME.kube, "
                                + "NAME.image, NAME.build or NAME.artifact"));
                continue;
            }
            readUnit(path, name, kind.get(), p.value(), problems).ifPresent(units::add);
        }
    }

    private static Optional<BerthYaml.Unit> readUnit(String path, String name, UnitKind kind, YamlNode node,
            List<Diagnostic> problems) {
        List<Section> sections = new ArrayList<>();
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Pair p : m.pairs()) {
                readSection(p, problems).ifPresent(sections::add);
            }
        } else if (!(node instanceof YamlNode.Scalar s && s.isNull())) {
            problems.add(Diagnostic.error(node.position(), "a unit is a map from section names (Unit, "
                    + kind.section() + ", Service, Install, ...) to keys, not " + node.describe(),
                    "write " + kind.section() + ": followed by its keys"));
            return Optional.empty();
        }
        return Optional.of(new BerthYaml.Unit(name, kind, new UnitFile(path, sections)));
    }

    private static Optional<Section> readSection(YamlNode.Pair p, List<Diagnostic> problems) {
        String section = p.key().value();
        if (section.isEmpty() || section.chars().anyMatch(c -> c == '[' || c == ']' || c < ' ')) {
            problems.add(Diagnostic.error(p.key().position(), "'" + section + "' is not a section name",
                    "use a section name such as Unit, Container, Service or Install"));
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        if (p.value() instanceof YamlNode.Mapping keys) {
            for (YamlNode.Pair k : keys.pairs()) {
                readKey(section, k, lines, problems);
            }
        } else if (p.value() instanceof YamlNode.Sequence ordered) {
            // The exact form: the section's lines in order, "Key=value" each, as in a unit file.
            for (YamlNode item : ordered.items()) {
                readLine(section, item, lines, problems);
            }
        } else if (!(p.value() instanceof YamlNode.Scalar s && s.isNull())) {
            problems.add(Diagnostic.error(p.value().position(), "section '" + section
                    + "' is a map from key names to values, not " + p.value().describe(),
                    "write its keys below it, one 'Key: value' per line"));
            return Optional.empty();
        }
        return Optional.of(new Section(section, p.key().position(), lines));
    }

    private static void readLine(String section, YamlNode item, List<Line> lines, List<Diagnostic> problems) {
        if (!(item instanceof YamlNode.Scalar line) || line.isNull() || line.value().indexOf('=') <= 0) {
            problems.add(Diagnostic.error(item.position(), "a line of section '" + section + "' written as a list is "
                    + "'Key=value', not " + item.describe(), "write it as \"Key=value\""));
            return;
        }
        String key = line.value().substring(0, line.value().indexOf('=')).strip();
        YamlNode.Scalar value = new YamlNode.Scalar(line.value().substring(line.value().indexOf('=') + 1), false,
                line.position());
        readKey(section, new YamlNode.Pair(new YamlNode.Scalar(key, false, line.position()), value), lines, problems);
    }

    private static void readKey(String section, YamlNode.Pair k, List<Line> lines, List<Diagnostic> problems) {
        String key = k.key().value();
        Position at = k.key().position();
        if (key.isEmpty() || key.chars().anyMatch(c -> c == '=' || c <= ' ' || c == '[')) {
            problems.add(Diagnostic.error(at, "'" + key + "' is not a key name", "write the key as in a unit file: "
                    + "letters, digits and dashes"));
            return;
        }
        Optional<KeySpec> spec = KeyCatalog.find(section, key);
        ValueKind kind = spec.map(KeySpec::valueKind).orElse(null);
        switch (k.value()) {
            case YamlNode.Scalar s -> text(s, problems).ifPresent(v -> lines.add(new Entry(key, v, at, s.position())));
            case YamlNode.Sequence seq when kind == ValueKind.COMMAND -> {
                List<String> words = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    scalarText(key, item, problems).ifPresent(words::add);
                }
                lines.add(new Entry(key, Words.join(words), at, seq.position()));
            }
            case YamlNode.Sequence seq -> {
                for (YamlNode item : seq.items()) {
                    scalarText(key, item, problems).ifPresent(v -> lines.add(new Entry(key, v, at, item.position())));
                }
            }
            case YamlNode.Mapping map -> {
                if (kind != null && kind != ValueKind.KEY_VALUE) {
                    problems.add(Diagnostic.error(map.position(), "'" + key + "' takes "
                            + (kind == ValueKind.SINGLE || kind == ValueKind.BOOLEAN ? "one value" : "a value or a list")
                            + ", not a map", "write it as 'Key: value'"));
                    return;
                }
                for (YamlNode.Pair pair : map.pairs()) {
                    Optional<String> v = pair.value() instanceof YamlNode.Scalar s && s.isNull()
                            ? Optional.of("") : scalarText(key + "." + pair.key().value(), pair.value(), problems);
                    v.ifPresent(value -> lines.add(new Entry(key, Words.quote(pair.key().value() + "=" + value),
                            pair.key().position(), pair.value().position())));
                }
            }
        }
    }

    private static Optional<String> scalarText(String key, YamlNode item, List<Diagnostic> problems) {
        if (item instanceof YamlNode.Scalar s) {
            return text(s, problems);
        }
        problems.add(Diagnostic.error(item.position(), "a value of '" + key + "' is " + item.describe()
                + "; values are strings, numbers or booleans", "write the value as a string"));
        return Optional.empty();
    }

    /** The unit-file text of a scalar: as written, booleans normalised, null as the empty assignment. */
    private static Optional<String> text(YamlNode.Scalar s, List<Diagnostic> problems) {
        if (s.isNull()) {
            return Optional.of("");
        }
        Optional<Boolean> b = s.bool();
        if (b.isPresent()) {
            return Optional.of(b.get().toString());
        }
        String v = s.value();
        if (v.endsWith("\n")) {
            v = v.substring(0, v.length() - 1); // a block scalar's final line break
        }
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            problems.add(Diagnostic.error(s.position(), "a value spans several lines; unit files hold one line per "
                    + "value", "write it on one line, or as a list of values"));
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
