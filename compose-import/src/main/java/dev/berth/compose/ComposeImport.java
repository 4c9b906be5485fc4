package dev.berth.compose;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.yaml.SafeYaml;
import dev.berth.spec.yaml.YamlLimits;
import dev.berth.spec.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The edge of the importer: reads the Compose file and its variables ({@code .env} or {@code --env-file}, and the
 * environment, which wins), interpolates every value, and hands the tree to {@link ComposeConverter}.
 */
public final class ComposeImport {

    private ComposeImport() {
    }

    public static Conversion convert(Path composeFile, ComposeOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String path = composeFile.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(composeFile);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Position.ofFile(path), "cannot read the Compose file: " + e.getMessage(),
                    "check the path"));
            return new Conversion("", List.of(), diagnostics);
        }
        SafeYaml.Result yaml = SafeYaml.read(path, bytes, YamlLimits.DEFAULT);
        diagnostics.addAll(yaml.diagnostics());
        if (yaml.hasErrors() || yaml.root().isEmpty()) {
            if (yaml.root().isEmpty() && !yaml.hasErrors()) {
                diagnostics.add(Diagnostic.error(Position.ofFile(path), "the Compose file is empty", "add services:"));
            }
            return new Conversion("", List.of(), diagnostics);
        }
        Path dir = composeFile.toAbsolutePath().normalize().getParent();
        Map<String, String> dotEnv = dotEnv(dir, options, diagnostics);
        // The environment wins over the .env file, as in Compose.
        java.util.function.Function<String, Optional<String>> variables = n -> options.environment().apply(n)
                .or(() -> Optional.ofNullable(dotEnv.get(n)));
        YamlNode root = interpolate(yaml.root().get(), new Interpolation(variables), diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new Conversion("", List.of(), diagnostics);
        }
        return new ComposeConverter(path, dir, variables, options, diagnostics).convert(root);
    }

    /** The .env (or --env-file) variables. */
    private static Map<String, String> dotEnv(Path dir, ComposeOptions options, List<Diagnostic> diagnostics) {
        Map<String, String> vars = new HashMap<>();
        Path envFile = options.envFile().orElse(dir.resolve(".env"));
        if (Files.isRegularFile(envFile)) {
            try {
                DotEnv.Parsed parsed = DotEnv.parse(Files.readString(envFile, StandardCharsets.UTF_8),
                        options.environment());
                vars.putAll(parsed.variables());
                for (DotEnv.Problem p : parsed.problems()) {
                    diagnostics.add(Diagnostic.warning(new Position(envFile.toString(), p.line(), 1), p.message()
                            + "; the line is ignored", "write KEY=value"));
                }
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(Position.ofFile(envFile.toString()), "cannot read: " + e.getMessage(),
                        "check the path"));
            }
        } else if (options.envFile().isPresent()) {
            diagnostics.add(Diagnostic.error(Position.ofFile(envFile.toString()), "no such env file", "check the path"));
        }
        return vars;
    }

    /** Every scalar value (not keys) with its variables expanded; a failure is an error at the scalar. */
    static YamlNode interpolate(YamlNode node, Interpolation interpolation, List<Diagnostic> diagnostics) {
        return switch (node) {
            case YamlNode.Scalar s -> {
                if (s.value().indexOf('$') < 0) {
                    yield s;
                }
                try {
                    // An interpolated value is a string (so an empty result is "", not null), as Compose reads it.
                    yield new YamlNode.Scalar(interpolation.apply(s.value()), false, s.position());
                } catch (Interpolation.Failure e) {
                    diagnostics.add(Diagnostic.error(s.position(), e.getMessage(),
                            "set the variable in the environment or in .env, or give a default: ${NAME:-default}"));
                    yield s;
                }
            }
            case YamlNode.Sequence q -> {
                List<YamlNode> items = new ArrayList<>();
                q.items().forEach(i -> items.add(interpolate(i, interpolation, diagnostics)));
                yield new YamlNode.Sequence(items, q.position(), q.expandedSize());
            }
            case YamlNode.Mapping m -> {
                List<YamlNode.Pair> pairs = new ArrayList<>();
                m.pairs().forEach(p -> pairs.add(new YamlNode.Pair(p.key(), interpolate(p.value(), interpolation,
                        diagnostics))));
                yield new YamlNode.Mapping(pairs, m.position(), m.expandedSize());
            }
        };
    }

    /** Compose's project name rule: lower case letters, digits, dashes and underscores. */
    static String normaliseProject(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return n.replaceAll("^[_-]+", "");
    }
}
