package dev.berth.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors come with the Compose file's positions; variables come from .env and the environment as in Compose. */
class ComposeImportTest {

    @TempDir
    Path dir;

    private Conversion convert(String compose, Map<String, String> env) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, compose);
        return ComposeImport.convert(file, new ComposeOptions(Optional.empty(), n -> Optional.ofNullable(env.get(n)),
                Optional.empty(), Set.of()));
    }

    private static Diagnostic firstError(Conversion c) {
        return c.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    }

    @Test
    void aMissingRequiredVariableIsAnErrorAtItsValue() throws IOException {
        Conversion c = convert("services:\n  db:\n    image: postgres\n    environment:\n      PW: ${PW:?set PW}\n", Map.of());
        Diagnostic d = firstError(c);
        assertEquals(dir.resolve("compose.yaml") + ":5:11", d.position().toString());
        assertEquals("required variable PW is missing: set PW", d.message());
        assertTrue(c.units().isEmpty());
    }

    @Test
    void environmentWinsOverDotEnvAndEnvFileReplacesDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=from-dotenv\nOTHER=dotenv\n");
        Files.writeString(dir.resolve("alt.env"), "TAG=from-alt\n");
        String compose = "services:\n  a:\n    image: docker.io/library/busybox:${TAG}\n    environment:\n      O: ${OTHER:-none}\n";
        assertTrue(text(convert(compose, Map.of())).contains("busybox:from-dotenv"));
        assertTrue(text(convert(compose, Map.of("TAG", "from-env"))).contains("busybox:from-env"));
        Path file = dir.resolve("compose.yaml");
        Conversion alt = ComposeImport.convert(file, new ComposeOptions(Optional.of("p"), n -> Optional.empty(),
                Optional.of(dir.resolve("alt.env")), Set.of()));
        assertTrue(text(alt).contains("busybox:from-alt"));
        assertTrue(text(alt).contains("O=none"), text(alt));
    }

    @Test
    void undefinedReferencesAreErrorsAtTheReference() throws IOException {
        Conversion c = convert("services:\n  a:\n    image: x\n    volumes:\n      - data:/d\n    depends_on: [b]\n", Map.of());
        List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(5, errors.get(0).position().line());
        assertTrue(errors.get(0).message().contains("volume 'data', which is not defined"));
        assertEquals(6, errors.get(1).position().line());
        assertTrue(errors.get(1).message().contains("undefined service 'b'"));
    }

    @Test
    void unknownKeysAreWarningsNamingServiceAndKey() throws IOException {
        Conversion c = convert("services:\n  a:\n    image: docker.io/library/busybox\n    frobnicate: true\n", Map.of());
        Diagnostic d = c.diagnostics().get(0);
        assertEquals("service 'a': 'frobnicate' has no equivalent in Quadlet units; ignored", d.message());
        assertEquals(4, d.position().line());
        assertEquals(2, c.units().size()); // the default network and the container
    }

    @Test
    void yamlErrorsInTheComposeFileHavePositions() throws IOException {
        Conversion c = convert("services:\n  a:\n    image: x\n    image: y\n", Map.of());
        assertEquals(dir.resolve("compose.yaml") + ":4:5", firstError(c).position().toString());
    }

    @Test
    void healthyAndCompletedDependenciesShapeTheDependency() throws IOException {
        Conversion c = convert("""
                services:
                  web:
                    image: docker.io/library/busybox
                    depends_on:
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                      opt: {condition: service_started, required: false}
                  db:
                    image: docker.io/library/busybox
                    healthcheck: {test: ["CMD", "true"]}
                  init:
                    image: docker.io/library/busybox
                  opt:
                    image: docker.io/library/busybox
                """, Map.of());
        String units = text(c);
        assertTrue(units.contains("Requires=db.container\nRequires=init.container\nWants=opt.container\nAfter=db.container\nAfter=init.container\nAfter=opt.container"), units);
        assertTrue(units.contains("HealthCmd=[\"true\"]\nNotify=healthy"), units);
        assertTrue(units.contains("[Service]\nType=oneshot\nRemainAfterExit=yes"), units);
    }

    private static String text(Conversion c) {
        assertTrue(c.diagnostics().stream().noneMatch(Diagnostic::isError), c.diagnostics().toString());
        return ComposeCorpusTest.render(c.units());
    }
}
