package dev.berth.spec.yaml;

import dev.berth.spec.Position;
import java.util.List;
import java.util.Optional;

/**
 * A YAML node as {@link SafeYaml} reads it: scalars keep the text as written (no type resolution beyond null and
 * booleans, which callers ask for), every node keeps where it starts. Aliases are the anchored node itself, shared.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Position position();

    /** How many nodes this one stands for once every alias below it is expanded (itself included). */
    long expandedSize();

    /** What the node is, for messages: "a string", "a list", "a map". */
    String describe();

    /**
     * A scalar.
     *
     * @param plain written without quotes and without a tag: only plain scalars can be null, booleans or numbers
     */
    record Scalar(String value, boolean plain, Position position) implements YamlNode {
        @Override
        public long expandedSize() {
            return 1;
        }

        /** YAML 1.2's null: an empty plain scalar, {@code ~} or {@code null}. */
        public boolean isNull() {
            return plain && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
                    || value.equals("NULL"));
        }

        /** YAML 1.2's booleans (core schema): {@code true} or {@code false} in any of their three spellings. */
        public Optional<Boolean> bool() {
            if (!plain) {
                return Optional.empty();
            }
            return switch (value) {
                case "true", "True", "TRUE" -> Optional.of(Boolean.TRUE);
                case "false", "False", "FALSE" -> Optional.of(Boolean.FALSE);
                default -> Optional.empty();
            };
        }

        @Override
        public String describe() {
            return isNull() ? "null" : bool().isPresent() ? "a boolean" : "a string";
        }
    }

    record Sequence(List<YamlNode> items, Position position, long expandedSize) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping; keys are scalars, unique, in document order (merge keys already applied). */
    record Mapping(List<Pair> pairs, Position position, long expandedSize) implements YamlNode {
        public Mapping {
            pairs = List.copyOf(pairs);
        }

        public Optional<YamlNode> get(String key) {
            for (Pair p : pairs) {
                if (p.key().value().equals(key)) {
                    return Optional.of(p.value());
                }
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record Pair(Scalar key, YamlNode value) {
    }
}
