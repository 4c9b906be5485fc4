package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorMainTest {

    @TempDir
    Path tmp;

    /** The generator with a fake environment, no kmsg, and the given program name. */
    private Run generator(Environment env, String programName, String... args) {
        return Run.of((out, err) -> GeneratorMain.run(args, out, err, env, programName, null));
    }

    private Environment unitDirs(Path... dirs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path d : dirs) {
            sb.append(sb.isEmpty() ? "" : ":").append(d);
        }
        return Environment.of(Map.of("QUADLET_UNIT_DIRS", sb.toString()), 0, tmp.toRealPath());
    }

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.toRealPath().resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void withoutDryRunAnOutputDirectoryIsRequired() throws IOException {
        Run r = generator(unitDirs(tmp), "berth-generator");
        assertEquals(1, r.status());
        assertTrue(r.err().matches("berth-generator\\[\\d+]: missing output directory argument\\n"), r.err());
    }

    @Test
    void unknownFlagIsAUsageError() throws IOException {
        Run r = generator(unitDirs(tmp), "berth-generator", "-bogus", "/out");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("berth-generator: flag provided but not defined: -bogus\nUsage: berth-generator"),
                r.err());
        Run badBool = generator(unitDirs(tmp), "berth-generator", "-dryrun=maybe");
        assertEquals(2, badBool.status());
        assertTrue(badBool.err().contains("invalid boolean value \"maybe\" for -dryrun"), badBool.err());
    }

    @Test
    void versionAndHelpExitZeroWithOneOrTwoDashes() throws IOException {
        Run v = generator(unitDirs(tmp), "berth-generator", "--version");
        assertEquals(0, v.status());
        assertFalse(v.out().isBlank());
        Run h = generator(unitDirs(tmp), "berth-generator", "-help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("normal-dir [early-dir late-dir]") && h.out().contains("Exit status"), h.out());
    }

    @Test
    void dryRunOfAnEmptySearchPathPrintsNothingAndSucceeds() throws IOException {
        Run r = generator(unitDirs(Files.createDirectories(tmp.resolve("empty"))), "berth-generator", "-dryrun");
        assertEquals(0, r.status());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void dryRunFalseStillNeedsTheDirectory() throws IOException {
        Run r = generator(unitDirs(tmp), "berth-generator", "--dryrun=false", "-no-kmsg-log");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("missing output directory argument"), r.err());
    }

    @Test
    void aBrokenFileFailsTheRunWithItsPositionButDoesNotHideItsNeighbour() throws IOException {
        Path d = write("src/bad.container", "[Container]\nImage=localhost/x\nnot an assignment\n").getParent();
        write("src/good.volume", "[Volume]\n");

        Run r = generator(unitDirs(d), "berth-generator", "-dryrun");

        assertEquals(1, r.status());
        assertTrue(r.err().contains(d.resolve("bad.container") + ":3:1: error: line is not a section header"), r.err());
        // good.volume was loaded and translated: its unit is printed, or (while the volume translator is a
        // stub) the translation's own error names it. Either way the bad file did not hide it.
        assertTrue(r.out().contains("---good-volume.service---\n")
                || r.err().contains(d.resolve("good.volume") + ": error:"), r.out() + r.err());
    }

    @Test
    void programNameContainingUserSelectsTheRootlessSearchPath() throws IOException {
        Path root = tmp.toRealPath();
        write("home/me/.config/containers/systemd/mine.container", "[Container]\nbroken\n");
        write("etc/containers/systemd/system.container", "[Container]\nbroken\n");
        Environment env = Environment.of(Map.of("HOME", root.resolve("home/me").toString()), 1000, root);

        Run user = generator(env, "/usr/lib/systemd/user-generators/berth-user-generator", "-dryrun");
        assertTrue(user.err().contains("mine.container:2:1"), user.err());
        assertFalse(user.err().contains("system.container"), user.err());

        Run flag = generator(env, "berth-generator", "-user", "-dryrun");
        assertTrue(flag.err().contains("mine.container:2:1"), flag.err());

        // Only the file name counts: a directory called "user" does not switch modes.
        Run system = generator(env, "/home/user/bin/berth-generator", "-dryrun");
        assertTrue(system.err().contains("system.container:2:1"), system.err());
        assertFalse(system.err().contains("mine.container"), system.err());
    }

    @Test
    void anEmptySearchPathSucceedsAndWritesNothing() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path normal = tmp.resolve("gen/normal");
        Run r = generator(unitDirs(src), "berth-generator", "-no-kmsg-log", normal.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(normal));
    }

    @Test
    void writesUnitsWithBannerAndLinksIntoTheFirstDirectoryOnly() throws IOException {
        Path src = write("src/db.volume", "[Volume]\n\n[Install]\nWantedBy=multi-user.target\n").getParent();
        Run dry = generator(unitDirs(src), "berth-generator", "-dryrun");
        assertEquals(0, dry.status(), dry.err());
        String unitText = dry.out().substring("---db-volume.service---\n".length(), dry.out().length() - 1);

        Path normal = tmp.resolve("gen/normal");
        Path early = tmp.resolve("gen/early");
        Run r = generator(unitDirs(src), "/usr/lib/systemd/system-generators/berth-generator", "-no-kmsg-log",
                normal.toString(), early.toString(), tmp.resolve("gen/late").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals("# \n# Automatically generated by /usr/lib/systemd/system-generators/berth-generator\n# \n"
                + unitText, Files.readString(normal.resolve("db-volume.service")));
        assertEquals(Path.of("../db-volume.service"),
                Files.readSymbolicLink(normal.resolve("multi-user.target.wants/db-volume.service")));
        assertFalse(Files.exists(early));
    }

    @Test
    void flagsAfterTheFirstDirectoryAreDirectoriesAsInGo() {
        GeneratorArgs a = GeneratorArgs.parse(new String[] {"-v", "--user", "/out", "-dryrun"}).args().orElseThrow();
        assertTrue(a.verbose());
        assertTrue(a.user());
        assertFalse(a.dryRun());
        assertEquals(java.util.List.of("/out", "-dryrun"), a.directories());
        GeneratorArgs dashes = GeneratorArgs.parse(new String[] {"--", "-x"}).args().orElseThrow();
        assertEquals(java.util.List.of("-x"), dashes.directories());
    }
}
