package dev.berth.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import dev.berth.spec.syntax.UnitFilePrinter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BerthYamlReaderTest {

    private static BerthYaml.Parsed read(String yaml) {
        return BerthYamlReader.read("app.berth.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsRepeatMapsPairAndScalarsKeepTheirText() {
        BerthYaml.Parsed p = read("""
                units:
                  web.container:
                    Container:
                      Image: busybox
                      PublishPort: ["8080:80", 9090]
                      Environment:
                        A: hello world
                        B: 1
                      Exec: [sh, -c, "echo hi"]
                      ReadOnly: true
                    Service:
                      Restart: always
                  data.volume:
                """);
        assertTrue(p.diagnostics().isEmpty(), p.diagnostics().toString());
        assertEquals(2, p.units().size());
        BerthYaml.Unit web = p.units().get(0);
        assertEquals(UnitKind.CONTAINER, web.kind());
        assertEquals("""
                [Container]
                Image=busybox
                PublishPort=8080:80
                PublishPort=9090
                Environment="A=hello world"
                Environment=B=1
                Exec=sh -c "echo hi"
                ReadOnly=true

                [Service]
                Restart=always
                """, UnitFilePrinter.print(web.file()));
        Entry port = web.file().section("Container").orElseThrow().entries("PublishPort").get(1);
        assertEquals("app.berth.yaml:5:7", port.position().toString()); // the key
        assertEquals("app.berth.yaml:5:32", port.valuePosition().toString()); // the item
        assertEquals("data.volume", p.units().get(1).fileName());
    }

    @Test
    void structuralErrorsCarryTheNodePosition() {
        assertError("units:\n  web.txt:\n    Container: {}\n", "app.berth.yaml:2:3", "'web.txt' is not a Quadlet unit name");
        assertError("unit:\n  a.container: {}\n", "app.berth.yaml:1:1", "unknown top-level key 'unit'");
        assertError("units:\n  a.container:\n    Container:\n      Image: {a: b}\n", "app.berth.yaml:4:14",
                "'Image' takes one value, not a map");
        assertError("units:\n  a.container:\n    Container:\n      Image: |\n        a\n        b\n",
                "app.berth.yaml:4:14", "a value spans several lines; unit files hold one line per value");
        assertError("units:\n  a.container:\n    Container:\n      Volume: [[a]]\n", "app.berth.yaml:4:16",
                "a value of 'Volume' is a list; values are strings, numbers or booleans");
        assertError("units:\n  a.container: [x]\n", "app.berth.yaml:2:16", "a unit is a map from section names");
        assertError("units: [x]\n", "app.berth.yaml:1:8", "'units' is a map");
        assertError("units:\n  a.container:\n    Container: x\n", "app.berth.yaml:3:16", "section 'Container' is a map");
    }

    @Test
    void unknownTopLevelKeyGetsASuggestion() {
        Diagnostic d = read("unist: {}\n").diagnostics().get(0);
        assertEquals("did you mean 'units'?", d.fix().orElseThrow());
    }

    @Test
    void extensionKeysAreIgnored() {
        assertTrue(read("x-common: &c {Image: a}\nunits:\n  a.container:\n    Container: *c\n").diagnostics().isEmpty());
    }

    private static void assertError(String yaml, String at, String messageStart) {
        BerthYaml.Parsed p = read(yaml);
        assertTrue(p.hasErrors(), yaml);
        assertTrue(p.units().isEmpty());
        Diagnostic d = p.diagnostics().get(0);
        assertEquals(at, d.position().toString(), d.format());
        assertTrue(d.message().startsWith(messageStart), d.format());
    }

    @Test
    void writerOutputReadsBackToTheSameEntries() {
        String unit = """
                [Unit]
                Description=A "quoted" # thing: with colon
                After=db.service
                After=
                After=other.service

                [Container]
                Image=docker.io/library/busybox:latest
                Environment=A=1 B=2
                Environment="C=with space"
                Label=x=y
                Label=z=%h
                Exec=sh -c "echo $HOME"
                Volume=%h/data:/data:Z
                ReadOnly=yes
                Notify=null
                HostName=True

                [Install]
                WantedBy=default.target
                """;
        UnitFile file = UnitFileParser.parse("web.container", unit).file();
        String yaml = BerthYamlWriter.write(List.of(new BerthYaml.Unit("web.container", UnitKind.CONTAINER, file)),
                "converted");
        BerthYaml.Parsed back = read(yaml);
        assertTrue(back.diagnostics().isEmpty(), back.diagnostics() + "\n" + yaml);
        assertEquals(pairs(file), pairs(back.units().get(0).file()), yaml);
    }

    private static List<String> pairs(UnitFile f) {
        List<String> out = new ArrayList<>();
        for (Section s : f.merged().sections()) {
            for (Entry e : s.entries()) {
                out.add(s.name() + "/" + e.key() + "=" + e.value());
            }
        }
        return out;
    }
}
