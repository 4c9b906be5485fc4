package dev.berth.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every class of YAML error is refused with the position of the node, and hostile documents fail within bounds. */
class SafeYamlTest {

    /** The stated bound: reading a hostile document allocates less than this (the whole JVM heap is far larger). */
    static final long MEMORY_BOUND = 16L * 1024 * 1024;

    private static Diagnostic only(String yaml) {
        SafeYaml.Result r = SafeYaml.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        assertTrue(r.root().isEmpty(), "refused");
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        assertTrue(r.diagnostics().get(0).isError());
        return r.diagnostics().get(0);
    }

    @Test
    void syntaxErrorAtTheOffendingToken() {
        Diagnostic d = only("units:\n  web.container:\n    Container: [a, b\n");
        assertEquals("f.yaml:4:1", d.position().toString(), d.format());
        assertTrue(d.message().startsWith("invalid YAML"), d.message());
    }

    @Test
    void badIndentationAtItsLine() {
        Diagnostic d = only("a:\n  b: 1\n c: 2\n");
        assertEquals(3, d.position().line(), d.format());
    }

    @Test
    void tabIndentationRefused() {
        Diagnostic d = only("a:\n\tb: 1\n");
        assertEquals(2, d.position().line(), d.format());
    }

    @Test
    void duplicateKeyAtTheSecondNamingTheFirst() {
        Diagnostic d = only("units:\n  a: 1\n  b: 2\n  a: 3\n");
        assertEquals("f.yaml:4:3", d.position().toString());
        assertEquals("duplicate key 'a' (first defined at line 2)", d.message());
    }

    @Test
    void undefinedAliasAtTheAlias() {
        Diagnostic d = only("a: 1\nb: *nowhere\n");
        assertEquals("f.yaml:2:4", d.position().toString(), d.format());
    }

    @Test
    void collectionAsKeyRefused() {
        Diagnostic d = only("? [a, b]\n: c\n");
        assertEquals("f.yaml:1:3", d.position().toString(), d.format());
    }

    @Test
    void secondDocumentRefused() {
        Diagnostic d = only("a: 1\n---\nb: 2\n");
        assertEquals(2, d.position().line(), d.format());
    }

    @Test
    void oversizedFileRefusedBeforeParsing() {
        SafeYaml.Result r = SafeYaml.read("f.yaml", new byte[100], new YamlLimits(99, 10, 100, 10));
        assertTrue(r.diagnostics().get(0).message().contains("more than the 99"), r.diagnostics().toString());
    }

    @Test
    void invalidUtf8Refused() {
        SafeYaml.Result r = SafeYaml.read("f.yaml", new byte[] {'a', ':', ' ', (byte) 0xff}, YamlLimits.DEFAULT);
        assertEquals("the file is not valid UTF-8", r.diagnostics().get(0).message());
    }

    @Test
    void mergeKeysApplyWithExplicitKeysWinning() {
        SafeYaml.Result r = SafeYaml.read("f.yaml", "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n"
                .getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        YamlNode.Mapping c = (YamlNode.Mapping) ((YamlNode.Mapping) r.root().orElseThrow()).get("c").orElseThrow();
        assertEquals("3", ((YamlNode.Scalar) c.get("y").orElseThrow()).value());
        assertEquals("1", ((YamlNode.Scalar) c.get("x").orElseThrow()).value());
    }

    @Test
    void billionLaughsRefusedFastWithinTheMemoryBound() {
        StringBuilder doc = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            doc.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                doc.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            doc.append("]\n");
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        long before = allocated();
        SafeYaml.Result r = SafeYaml.read("laughs.yaml", bytes, YamlLimits.DEFAULT);
        long used = allocated() - before;
        assertTrue(r.root().isEmpty());
        Diagnostic d = r.diagnostics().get(0);
        assertTrue(d.message().contains("expands to more than 200000 nodes"), d.format());
        assertTrue(d.position().line() >= 5, d.format()); // refused at the alias that crosses the budget
        assertTrue(used < MEMORY_BOUND, "allocated " + used + " bytes");
        System.err.printf("[yaml] billion laughs (%d bytes) refused after allocating %d KiB: %s%n", bytes.length,
                used / 1024, d.format());
    }

    @Test
    void deepNestingRefusedWithinTheMemoryBound() {
        byte[] bytes = ("a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = allocated();
        SafeYaml.Result r = SafeYaml.read("deep.yaml", bytes, YamlLimits.DEFAULT);
        long used = allocated() - before;
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("the document nests deeper than 64 levels", d.message());
        assertEquals("deep.yaml:1:67", d.position().toString()); // the 64th bracket: the top-level map is level 1
        assertTrue(used < MEMORY_BOUND, "allocated " + used + " bytes");
        System.err.printf("[yaml] 100000 nested brackets refused after allocating %d KiB%n", used / 1024);
    }

    @Test
    void deepBlockNestingRefused() {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            doc.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        Diagnostic d = only(doc.toString());
        assertEquals("the document nests deeper than 64 levels", d.message());
        assertEquals(65, d.position().line());
    }

    @Test
    void scalarsKeepTheirText() {
        SafeYaml.Result r = SafeYaml.read("f.yaml", "a: 0755\nb: 'true'\nc: true\nd:\n".getBytes(StandardCharsets.UTF_8),
                YamlLimits.DEFAULT);
        YamlNode.Mapping m = assertInstanceOf(YamlNode.Mapping.class, r.root().orElseThrow());
        assertEquals("0755", ((YamlNode.Scalar) m.get("a").orElseThrow()).value());
        assertTrue(((YamlNode.Scalar) m.get("b").orElseThrow()).bool().isEmpty());
        assertEquals(Boolean.TRUE, ((YamlNode.Scalar) m.get("c").orElseThrow()).bool().orElseThrow());
        assertTrue(((YamlNode.Scalar) m.get("d").orElseThrow()).isNull());
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
