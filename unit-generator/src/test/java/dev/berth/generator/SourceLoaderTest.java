package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLoaderTest {

    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.toRealPath().resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Path dir(String relative) throws IOException {
        return Files.createDirectories(tmp.toRealPath().resolve(relative));
    }

    private static List<String> names(LoadedSources s) {
        return s.units().stream().map(SourceUnit::fileName).toList();
    }

    private static List<String> containerLines(SourceUnit u) {
        return u.file().section("Container").orElseThrow().entries().stream()
                .map(e -> e.key() + "=" + e.value()).toList();
    }

    @Test
    void readsQuadletFilesInNameOrderAndIgnoresOtherExtensions() throws IOException {
        write("d/b.volume", "[Volume]\n");
        write("d/a.container", "[Container]\nImage=localhost/a\n");
        write("d/notes.txt", "not a unit\n");
        write("d/c.artifact", "[Artifact]\n");

        LoadedSources s = SourceLoader.load(List.of(dir("d")));

        assertEquals(List.of("a.container", "b.volume", "c.artifact"), names(s));
        assertEquals(List.of(), s.diagnostics());
        SourceUnit a = s.units().get(0);
        assertEquals(UnitKind.CONTAINER, a.kind());
        assertEquals(dir("d").resolve("a.container").toString(), a.path());
        assertEquals(dir("d").toString(), a.directory());
    }

    @Test
    void theFirstDirectoryWinsForAFileName() throws IOException {
        write("first/web.container", "[Container]\nImage=localhost/first\n");
        write("second/web.container", "[Container]\nImage=localhost/second\n");
        write("second/db.volume", "[Volume]\n");

        LoadedSources s = SourceLoader.load(List.of(dir("first"), dir("second")));

        assertEquals(List.of("web.container", "db.volume"), names(s));
        assertEquals(List.of("Image=localhost/first"), containerLines(s.units().get(0)));
    }

    @Test
    void aFileThatFailsToParseNeverHidesTheOtherFilesOfItsDirectory() throws IOException {
        write("d/a.container", "[Container]\nImage=localhost/a\n");
        write("d/bad.container", "[Container]\nthis line is wrong\n");
        write("d/z.network", "[Network]\n");
        write("later/bad.container", "[Container]\nImage=localhost/fallback\n");

        LoadedSources s = SourceLoader.load(List.of(dir("d"), dir("later")));

        // The bad file is skipped, the good ones of its directory stay, and (as in Quadlet) a same-named
        // file in a later directory is used instead.
        assertEquals(List.of("a.container", "z.network", "bad.container"), names(s));
        assertEquals(dir("later").resolve("bad.container").toString(), s.units().get(2).path());
        assertEquals(1, s.diagnostics().size());
        Diagnostic d = s.diagnostics().get(0);
        assertTrue(d.isError());
        assertEquals(dir("d").resolve("bad.container") + ":2:1", d.position().toString());
    }

    @Test
    void aLargeSetIsLoadedByTheSameRulesInTheSameOrder() throws IOException {
        // Enough files for the loader to read them on several threads: order, hiding, failures, directories named
        // like units and drop-ins must come out exactly as for a small set.
        for (int i = 0; i < 3 * Parallel.MIN_ITEMS; i++) {
            write(String.format("d/svc-%03d.container", i), "[Container]\nImage=localhost/svc-" + i + "\n");
        }
        write("d/svc-050.container.d/10-extra.conf", "[Container]\nLabel=extra=yes\n");
        write("d/svc-bad.container", "[Container]\nthis line is wrong\n");
        dir("d/looks-like.container");
        write("later/svc-bad.container", "[Container]\nImage=localhost/fallback\n");
        write("later/svc-000.container", "[Container]\nImage=localhost/hidden\n");

        LoadedSources s = SourceLoader.load(List.of(dir("d"), dir("later")));

        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * Parallel.MIN_ITEMS; i++) {
            expected.add(String.format("svc-%03d.container", i));
        }
        expected.add("svc-bad.container");
        assertEquals(expected, names(s));
        assertEquals(List.of("Image=localhost/svc-0"), containerLines(s.units().get(0)));
        assertEquals(List.of("Image=localhost/svc-50", "Label=extra=yes"), containerLines(s.units().get(50)));
        assertEquals(dir("later").resolve("svc-bad.container").toString(), s.units().get(expected.size() - 1).path());
        assertEquals(List.of(dir("d").resolve("looks-like.container") + ": warning: a directory named like a Quadlet "
                        + "file; it is ignored; rename it",
                dir("d").resolve("svc-bad.container") + ":2:1: error: line is not a section header, a Key=value "
                        + "assignment or a comment: \"this line is wrong\"; add '=' between the key and its value, or "
                        + "start the line with '#' to make it a comment"),
                s.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void anUnreadableFileIsAnErrorWithItsPathAndTheRestLoads() throws IOException {
        Path d = dir("d");
        Files.createSymbolicLink(d.resolve("gone.container"), d.resolve("missing-target.container"));
        write("d/ok.volume", "[Volume]\n");

        LoadedSources s = SourceLoader.load(List.of(d));

        assertEquals(List.of("ok.volume"), names(s));
        assertEquals(List.of(d.resolve("gone.container") + ": error: cannot read file: no such file or directory; "
                + "check that the path exists and is readable"), s.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void anInstanceSymlinkKeepsItsOwnNameAndPath() throws IOException {
        Path d = dir("d");
        write("d/echo@.container", "[Container]\nImage=localhost/echo\n");
        Files.createSymbolicLink(d.resolve("echo@blue.container"), Path.of("echo@.container"));

        LoadedSources s = SourceLoader.load(List.of(d));

        assertEquals(List.of("echo@.container", "echo@blue.container"), names(s));
        SourceUnit blue = s.units().get(1);
        assertEquals(d.resolve("echo@blue.container").toString(), blue.path());
        assertEquals("blue", blue.instance().orElseThrow());
    }

    @Test
    void dropInsMostSpecificDirectoryWinsPerNameAndAreAppliedInNameOrder() throws IOException {
        Path d = dir("d");
        write("d/web-app@.container", "[Container]\nImage=localhost/web\n");
        Files.createSymbolicLink(d.resolve("web-app@blue.container"), Path.of("web-app@.container"));
        write("d/container.d/10-a.conf", "[Container]\nEnvironment=A=top\n");
        write("d/container.d/30-z.conf", "[Container]\nLabel=z\n");
        write("d/container.d/notes.txt", "[Container]\nLabel=not-a-conf\n");
        write("d/web-.container.d/10-a.conf", "[Container]\nEnvironment=A=web-\n");
        write("d/web-app@.container.d/20-b.conf", "[Container]\nLabel=b\n");
        write("d/web-app@blue.container.d/05-c.conf", "[Container]\nLabel=c\n[Service]\nRestart=always\n");
        // Drop-ins are looked up in every source directory; an earlier directory wins for a name.
        write("other/container.d/10-a.conf", "[Container]\nEnvironment=A=other\n");
        write("other/container.d/40-x.conf", "[Container]\nLabel=x\n");

        LoadedSources s = SourceLoader.load(List.of(d, dir("other")));

        assertEquals(List.of(), s.diagnostics());
        SourceUnit blue = s.units().stream().filter(u -> u.fileName().equals("web-app@blue.container")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Image=localhost/web", "Label=c", "Environment=A=web-", "Label=b", "Label=z", "Label=x"),
                containerLines(blue));
        assertEquals("Restart=always", blue.file().section("Service").orElseThrow().entries().stream()
                .map(e -> e.key() + "=" + e.value()).findFirst().orElseThrow());
        SourceUnit template = s.units().stream().filter(u -> u.fileName().equals("web-app@.container")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Image=localhost/web", "Environment=A=web-", "Label=b", "Label=z", "Label=x"),
                containerLines(template));
        // Positions of drop-in lines point into the drop-in.
        Entry fromDropIn = blue.file().section("Container").orElseThrow().entries().get(1);
        assertEquals(d.resolve("web-app@blue.container.d/05-c.conf") + ":2:1", fromDropIn.position().toString());
    }

    @Test
    void aBrokenDropInIsReportedAndTheUnitStillLoads() throws IOException {
        write("d/web.container", "[Container]\nImage=localhost/web\n");
        write("d/web.container.d/bad.conf", "[Container\n");

        LoadedSources s = SourceLoader.load(List.of(dir("d")));

        assertEquals(List.of("web.container"), names(s));
        assertEquals(1, s.diagnostics().size());
        assertEquals(dir("d").resolve("web.container.d/bad.conf") + ":1:1", s.diagnostics().get(0).position().toString());
    }

    @Test
    void aSingleFileIsLoadedWithTheDropInsBesideIt() throws IOException {
        Path file = write("d/web.container", "[Container]\nImage=localhost/web\n");
        write("d/web.container.d/env.conf", "[Container]\nEnvironment=X=1\n");
        write("d/ignored.container", "[Container]\nImage=localhost/ignored\n");

        LoadedSources s = SourceLoader.load(List.of(file));

        assertEquals(List.of("web.container"), names(s));
        assertEquals(List.of("Image=localhost/web", "Environment=X=1"), containerLines(s.units().get(0)));
    }

    @Test
    void aSingleFileWithAnotherExtensionOrAMissingPathIsAnError() throws IOException {
        Path txt = write("d/readme.txt", "hello\n");
        Path missing = tmp.toRealPath().resolve("nope.container");

        LoadedSources s = SourceLoader.load(List.of(txt, missing));

        assertEquals(List.of(), s.units());
        assertEquals(2, s.diagnostics().size());
        assertTrue(s.diagnostics().get(0).format().startsWith(txt + ": error: not a Quadlet file"));
        assertEquals(missing + ": error: no such file or directory; check the path", s.diagnostics().get(1).format());
    }

    @Test
    void dropInDirectoryNamesMostSpecificFirst() {
        assertEquals(List.of("sample-template-unit@base-instance.container.d", "sample-template-unit@.container.d",
                "sample-template-@.container.d", "sample-template-.container.d", "sample-@.container.d",
                "sample-.container.d", "container.d"),
                DropInPaths.of("sample-template-unit@base-instance.container"));
        assertEquals(List.of("web.volume.d", "volume.d"), DropInPaths.of("web.volume"));
        assertEquals(List.of("a@.pod.d", "pod.d"), DropInPaths.of("a@.pod"));
    }
}
