package dev.berth.spec.yaml;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of the {@code .berth.yaml} format, generated from the key catalogue so that it
 * always lists exactly the keys berth knows, with their descriptions, for editors with a YAML language server.
 * Sections systemd owns ({@code Unit}, {@code Service}, {@code Install}, {@code X-...}) take any key.
 */
public final class BerthYamlSchema {

    public static final String ID = "https://berth.dev/schema/berth.schema.json";

    private static final List<String> SYSTEMD_SECTIONS = List.of("Unit", "Service", "Install");

    private BerthYamlSchema() {
    }

    /** The schema as pretty-printed JSON, ending with a line break. */
    public static String json() {
        Json j = new Json();
        j.open();
        j.field("$schema", "https://json-schema.org/draft/2020-12/schema");
        j.field("$id", ID);
        j.field("title", "berth spec (" + BerthYaml.EXTENSION + ")");
        j.field("description", "Quadlet units in YAML: units maps unit file names (web.container) to their "
                + "sections; see docs/yaml.md");
        j.field("type", "object");
        j.key("required").raw("[\"units\"]");
        j.key("properties").open();
        j.key("units").open();
        j.field("description", "the units, by Quadlet file name");
        j.field("type", "object");
        j.key("patternProperties").open();
        for (UnitKind k : UnitKind.values()) {
            j.key("^[^/]+\\." + k.extension() + "$").ref("kind-" + k.extension());
        }
        j.close();
        j.key("additionalProperties").raw("false");
        j.close();
        j.close();
        j.key("patternProperties").open().key("^x-").raw("{}").close();
        j.key("additionalProperties").raw("false");

        j.key("$defs").open();
        j.key("scalar").raw("{\"type\": [\"string\", \"number\", \"boolean\", \"null\"]}");
        j.key("values").raw("{\"anyOf\": [{\"$ref\": \"#/$defs/scalar\"}, {\"type\": \"array\", \"items\": "
                + "{\"$ref\": \"#/$defs/scalar\"}}]}");
        j.key("keyValues").raw("{\"anyOf\": [{\"$ref\": \"#/$defs/values\"}, {\"type\": \"object\", "
                + "\"additionalProperties\": {\"$ref\": \"#/$defs/scalar\"}}]}");
        j.key("boolean").raw("{\"anyOf\": [{\"type\": \"boolean\"}, {\"enum\": [0, 1, \"1\", \"yes\", \"true\", \"on\", "
                + "\"0\", \"no\", \"false\", \"off\"]}]}");
        j.key("command").raw("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"array\", \"items\": "
                + "{\"$ref\": \"#/$defs/scalar\"}}]}");
        j.key("systemdSection").raw("{\"type\": [\"object\", \"null\"], \"additionalProperties\": "
                + "{\"$ref\": \"#/$defs/keyValues\"}}");
        Set<String> sections = new LinkedHashSet<>();
        KeyCatalog.all().forEach(k -> sections.add(k.section()));
        for (String section : sections) {
            j.key("section-" + section).open();
            j.field("type", List.of("object", "null"));
            j.key("properties").open();
            for (KeySpec k : KeyCatalog.section(section)) {
                j.key(k.name()).open();
                j.field("$ref", "#/$defs/" + switch (k.valueKind()) {
                    case SINGLE, LIST, WORDS, ARGS -> "values";
                    case COMMAND -> "command";
                    case KEY_VALUE -> "keyValues";
                    case BOOLEAN -> "boolean";
                });
                j.field("description", k.description() + (k.podmanArgument().isEmpty() ? ""
                        : " (" + k.podmanArgument() + ")") + "; since Podman " + k.since());
                j.close();
            }
            j.close();
            j.key("additionalProperties").raw("false");
            j.close();
        }
        List<String> extraSections = new ArrayList<>();
        for (String s : sections) {
            if (UnitKind.ofSection(s).isEmpty()) {
                extraSections.add(s);
            }
        }
        for (UnitKind kind : UnitKind.values()) {
            j.key("kind-" + kind.extension()).open();
            j.field("description", "a ." + kind.extension() + " unit");
            j.field("type", List.of("object", "null"));
            j.key("properties").open();
            for (String s : SYSTEMD_SECTIONS) {
                j.key(s).ref("systemdSection");
            }
            j.key(kind.section()).ref("section-" + kind.section());
            for (String s : extraSections) {
                j.key(s).ref("section-" + s);
            }
            j.close();
            j.key("patternProperties").open().key("^X-").ref("systemdSection").close();
            j.key("additionalProperties").raw("false");
            j.close();
        }
        j.close();
        j.close();
        return j.toString() + "\n";
    }

    /** Just enough of a JSON writer for the schema: objects, string fields, raw values, two-space indents. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private final List<Boolean> first = new ArrayList<>();
        private boolean afterKey;

        Json open() {
            prefix();
            out.append('{');
            first.add(Boolean.TRUE);
            return this;
        }

        Json close() {
            boolean empty = first.remove(first.size() - 1);
            if (!empty) {
                newline();
            }
            out.append('}');
            return this;
        }

        Json key(String k) {
            boolean isFirst = first.get(first.size() - 1);
            if (!isFirst) {
                out.append(',');
            }
            first.set(first.size() - 1, Boolean.FALSE);
            newline();
            string(k);
            out.append(": ");
            afterKey = true;
            return this;
        }

        Json raw(String value) {
            prefix();
            out.append(value);
            return this;
        }

        Json ref(String def) {
            return raw("{\"$ref\": \"#/$defs/" + def + "\"}");
        }

        void field(String k, String v) {
            key(k);
            prefix();
            string(v);
        }

        void field(String k, List<String> values) {
            key(k);
            prefix();
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                string(values.get(i));
            }
            out.append(']');
        }

        private void prefix() {
            afterKey = false;
        }

        private void newline() {
            out.append('\n').append("  ".repeat(first.size()));
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
