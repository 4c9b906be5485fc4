package dev.berth.spec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiUnitFileTest {

    private static final String P = "/srv/app.quadlets";

    @Test
    void splitsAtSeparatorLinesAndNamesEachPartByItsComment() {
        MultiUnitFile.Result r = MultiUnitFile.split(P, """
                # FileName=web
                [Container]
                Image=localhost/web
                ---
                # FileName=data
                [Volume]
                 ---
                # FileName=net.network
                [Network]
                """);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("web.container", "data.volume", "net.network"),
                r.parts().stream().map(MultiUnitFile.Part::fileName).toList());
        assertEquals(List.of(UnitKind.CONTAINER, UnitKind.VOLUME, UnitKind.NETWORK),
                r.parts().stream().map(MultiUnitFile.Part::kind).toList());
        MultiUnitFile.Part web = r.parts().get(0);
        assertEquals("# FileName=web\n[Container]\nImage=localhost/web\n", web.text());
    }

    @Test
    void positionsAreLinesOfTheQuadletsFile() {
        MultiUnitFile.Result r = MultiUnitFile.split(P, "# FileName=a\n[Volume]\n---\n\n# FileName=b\n[Container]\nImage=i\nBad line\n");
        MultiUnitFile.Part b = r.parts().get(1);
        assertEquals(5, b.firstLine());
        ParsedUnitFile parsed = b.parse(P);
        assertEquals(1, parsed.diagnostics().size());
        assertEquals(8, parsed.diagnostics().get(0).position().line());
        assertEquals(7, parsed.file().section("Container").orElseThrow().entries().get(0).position().line());
    }

    @Test
    void partsWithoutANameOrAKindAreErrorsAtTheirFirstLine() {
        MultiUnitFile.Result r = MultiUnitFile.split(P, "[Container]\nImage=i\n---\n# FileName=x\n[Service]\n---\n"
                + "# FileName=a/b\n[Volume]\n---\n# FileName=v\n[Volume]\n---\n# FileName=v\n[Volume]\n");
        assertEquals(List.of(
                P + ":1:1: error: this part of the .quadlets file has no '# FileName=NAME' comment; start the part with"
                        + " # FileName=NAME; the extension comes from its main section",
                P + ":4:1: error: FileName=x has no section naming its kind; add its main section, such as [Container],"
                        + " [Volume], [Network], [Pod], [Kube], [Image], [Build] or [Artifact]",
                P + ":7:1: error: FileName=a/b contains a path separator; name the file only, without a directory",
                P + ":13:1: error: v.volume is already defined at line 10; give each part its own FileName="),
                r.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(1, r.parts().size());
        assertTrue(MultiUnitFile.split(P, "\n---\n").hasErrors());
    }
}
