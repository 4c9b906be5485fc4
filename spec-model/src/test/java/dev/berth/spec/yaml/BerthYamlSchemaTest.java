package dev.berth.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The schema is generated from the catalogue: every key is in it, and it tells valid specs from invalid ones. */
class BerthYamlSchemaTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(BerthYamlSchema.json());

    @Test
    void everyCatalogueKeyIsInTheSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(BerthYamlSchema.json());
        int n = 0;
        for (KeySpec k : KeyCatalog.all()) {
            JsonNode key = schema.path("$defs").path("section-" + k.section()).path("properties").path(k.name());
            assertFalse(key.isMissingNode(), "[" + k.section() + "] " + k.name() + " missing from the schema");
            assertEquals(k.description(), key.path("description").asText().substring(0, k.description().length()));
            n++;
        }
        assertEquals(KeyCatalog.all().size(), n);
        assertTrue(n > 200, "the catalogue has " + n + " keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "units: {}\n",
        "units:\n  web.container:\n    Container:\n      Image: busybox\n      PublishPort: [\"80:80\", 443]\n"
                + "      Environment: {A: b, C: 1}\n      ReadOnly: true\n      Exec: [sh, -c, x]\n"
                + "    Service:\n      Restart: always\n    Install:\n      WantedBy: default.target\n",
        "units:\n  data.volume:\n  app.network:\n    Network:\n      Internal: yes\n      Subnet: 10.0.0.0/24\n",
        "x-mine: 1\nunits:\n  a.pod:\n    Pod:\n      PublishPort: 80\n    X-Note:\n      Anything: goes\n",
        "units:\n  img.build:\n    Build:\n      ImageTag: localhost/a\n      SetWorkingDirectory: unit\n"
                + "    Quadlet:\n      DefaultDependencies: false\n",
    })
    void validSpecsValidate(String yaml) {
        Set<ValidationMessage> errors = SCHEMA.validate(json(yaml));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}\n",                                                              // no units
        "units:\n  web.txt: {}\n",                                           // not a unit name
        "units:\n  web.container:\n    Container:\n      Imgae: busybox\n",  // unknown key
        "units:\n  web.container:\n    Container:\n      Image: {a: b}\n",   // map for a single value
        "units:\n  web.container:\n    Container:\n      ReadOnly: maybe\n", // not a boolean
        "units:\n  web.container:\n    Volume:\n      Driver: local\n",      // a section of another kind
        "units:\n  web.container:\n    Container:\n      Volume: [[a]]\n",   // nested list
        "unitz:\n  web.container: {}\n",                                     // unknown top-level key
    })
    void invalidSpecsDoNot(String yaml) {
        assertFalse(SCHEMA.validate(json(yaml)).isEmpty(), yaml);
    }

    /** The YAML as JSON, plain scalars typed the way a YAML 1.2 language server types them. */
    static JsonNode json(String yaml) {
        SafeYaml.Result r = SafeYaml.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        return node(r.root().orElseThrow());
    }

    private static JsonNode node(YamlNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (n) {
            case YamlNode.Scalar s when s.isNull() -> f.nullNode();
            case YamlNode.Scalar s when s.bool().isPresent() -> f.booleanNode(s.bool().get());
            case YamlNode.Scalar s when s.plain() && s.value().matches("-?[0-9]+") -> f.numberNode(Long.parseLong(s.value()));
            case YamlNode.Scalar s -> f.textNode(s.value());
            case YamlNode.Sequence q -> {
                ArrayNode a = f.arrayNode();
                q.items().forEach(i -> a.add(node(i)));
                yield a;
            }
            case YamlNode.Mapping m -> {
                ObjectNode o = f.objectNode();
                m.pairs().forEach(p -> o.set(p.key().value(), node(p.value())));
                yield o;
            }
        };
    }
}
