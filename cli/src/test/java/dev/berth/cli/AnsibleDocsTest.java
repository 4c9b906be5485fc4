package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Ansible collection's module documentation is YAML that ansible-doc parses: a description line with
 * {@code "json): validates"} in it made it a mapping key, and ansible-doc refused berth_apply and berth_info
 * ("could not parse documentation"; the modules themselves ran). Every DOCUMENTATION, EXAMPLES and RETURN block
 * must load, and the modules take the shared options from the collection's doc fragment.
 */
class AnsibleDocsTest {

    private static final Path PLUGINS = Path.of("../packaging/ansible/ansible_collections/berth/berth/plugins")
            .toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("(DOCUMENTATION|EXAMPLES|RETURN) = r'''(.*?)'''",
            Pattern.DOTALL);

    @Test
    void everyDocumentationBlockIsYaml() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(PLUGINS)) {
            files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        int blocks = 0;
        for (Path file : files) {
            Matcher m = BLOCK.matcher(Files.readString(file));
            while (m.find()) {
                String where = PLUGINS.relativize(file) + " " + m.group(1);
                try {
                    new Load(LoadSettings.builder().build()).loadFromString(m.group(2));
                } catch (RuntimeException e) {
                    throw new AssertionError(where + " is not YAML: " + e.getMessage(), e);
                }
                blocks++;
            }
        }
        // 3 modules x 3 blocks, and the doc fragment's one
        assertEquals(10, blocks);
    }

    @Test
    void modulesTakeTheSharedOptionsFromTheFragment() throws IOException {
        Map<?, ?> fragment = documentation(PLUGINS.resolve("doc_fragments/berth.py"));
        Map<?, ?> shared = assertInstanceOf(Map.class, fragment.get("options"));
        assertEquals(List.of("user", "berth_path"), List.copyOf(shared.keySet()));
        for (String module : List.of("berth_apply", "berth_info", "berth_unit")) {
            Path file = PLUGINS.resolve("modules/" + module + ".py");
            Map<?, ?> doc = documentation(file);
            assertEquals(List.of("berth.berth.berth"), doc.get("extends_documentation_fragment"), module);
            Map<?, ?> own = assertInstanceOf(Map.class, doc.get("options"));
            assertFalse(own.containsKey("user") || own.containsKey("berth_path"), module + " documents them again");
            assertTrue(Files.readString(file).contains("**COMMON_ARGS"), module + " does not take COMMON_ARGS");
        }
    }

    private static Map<?, ?> documentation(Path file) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(file));
        assertTrue(m.find() && m.group(1).equals("DOCUMENTATION"), file + " has no DOCUMENTATION first");
        return assertInstanceOf(Map.class, new Load(LoadSettings.builder().build()).loadFromString(m.group(2)));
    }
}
