package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth apply of a .quadlets file installs each part as the file it names, as podman quadlet install does. */
class ApplyInputsQuadletsTest {

    @TempDir
    Path tmp;

    @Test
    void eachPartBecomesTheFileItNames() throws IOException {
        Path f = Files.writeString(tmp.resolve("app.quadlets"),
                "# FileName=web\n[Container]\nImage=localhost/img\n---\n# FileName=data\n[Volume]\n");
        ApplyInputs in = ApplyInputs.collect(List.of(f));
        assertEquals(List.of(), in.diagnostics());
        assertEquals(List.of("web.container", "data.volume"), in.files().stream().map(ApplyInputs.Input::relative).toList());
        assertEquals("# FileName=data\n[Volume]\n", new String(in.files().get(1).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenPartIsAnErrorAndNothingOfItIsInstalled() throws IOException {
        Path f = Files.writeString(tmp.resolve("app.quadlets"), "[Container]\nImage=localhost/img\n");
        ApplyInputs in = ApplyInputs.collect(List.of(f));
        assertTrue(in.hasErrors());
        assertEquals(List.of(f + ":1:1: error: this part of the .quadlets file has no '# FileName=NAME' comment; start"
                + " the part with # FileName=NAME; the extension comes from its main section"),
                in.diagnostics().stream().map(Diagnostic::format).toList());
        assertTrue(in.files().isEmpty());
    }
}
