package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of the corpus harness that decide verdicts: they must be able to say "different". */
class CorpusFrameworkTest {

    private static final String HELLO = "[X-Container]\nImage=img\n\n[Service]\nExecStart=podman run img\n";

    private static CorpusCase kase(CorpusCase.Expectation e) {
        return new CorpusCase("999-test", Path.of("/nonexistent"), "test", CorpusCase.Mode.SYSTEM, e, false,
                Optional.empty());
    }

    private static String dryRun(String name, String text) {
        return "---" + name + "---\n" + text + "\n";
    }

    @Test
    void unitBlocksSplitsDryRunOutput() {
        Map<String, String> blocks = UnitBlocks.parse(dryRun("a.service", "A=1\n") + dryRun("b-volume.service", "B=2\n"));
        assertEquals(Map.of("a.service", "A=1\n", "b-volume.service", "B=2\n"), blocks);
        assertEquals(List.of("a.service", "b-volume.service"), List.copyOf(blocks.keySet()));
        assertTrue(UnitBlocks.parse("").isEmpty());
    }

    @Test
    void acceptedCaseMatchesWhenUnitsAreEqual() {
        RunOutput ref = new RunOutput(dryRun("hello.service", HELLO), "", 0);
        CaseResult r = CaseCheck.check(kase(CorpusCase.Expectation.ACCEPTS), ref,
                new BerthOutput(dryRun("hello.service", HELLO), List.of()));
        assertEquals(CaseResult.Status.IDENTICAL, r.status(), r.problems().toString());
    }

    @Test
    void acceptedCaseFailsOnDifferentMissingOrExtraUnitsAndOnErrors() {
        RunOutput ref = new RunOutput(dryRun("hello.service", HELLO), "", 0);
        CorpusCase c = kase(CorpusCase.Expectation.ACCEPTS);
        assertFalse(CaseCheck.check(c, ref, new BerthOutput(dryRun("hello.service", HELLO.replace("img\n", "other\n")),
                List.of())).passed());
        assertFalse(CaseCheck.check(c, ref, new BerthOutput("", List.of())).passed());
        assertFalse(CaseCheck.check(c, ref, new BerthOutput(dryRun("hello.service", HELLO) + dryRun("x.service", "X=1\n"),
                List.of())).passed());
        Diagnostic err = Diagnostic.error(new Position("/d/hello.container", 2, 1), "bad");
        assertFalse(CaseCheck.check(c, ref, new BerthOutput(dryRun("hello.service", HELLO), List.of(err))).passed());
    }

    @Test
    void rejectedCaseNeedsAnErrorInTheFailedFileWithALine() {
        String stderr = "quadlet-generator[PID]: Loading source unit file /d/bad.container\n"
                + "quadlet-generator[PID]: converting \"bad.container\": unsupported key 'Foo' in group 'Container' in /d/bad.container\n";
        RunOutput ref = new RunOutput("", stderr, 1);
        CorpusCase c = kase(CorpusCase.Expectation.REJECTS);
        assertFalse(CaseCheck.check(c, ref, new BerthOutput("", List.of())).passed());
        Diagnostic elsewhere = Diagnostic.error(new Position("/d/other.container", 3, 1), "bad");
        assertFalse(CaseCheck.check(c, ref, new BerthOutput("", List.of(elsewhere))).passed());
        Diagnostic noLine = Diagnostic.error(Position.ofFile("/d/bad.container"), "bad");
        assertFalse(CaseCheck.check(c, ref, new BerthOutput("", List.of(noLine))).passed());
        Diagnostic good = Diagnostic.error(new Position("/d/bad.container", 3, 1), "unknown key 'Foo'");
        assertTrue(CaseCheck.check(c, ref, new BerthOutput("", List.of(good))).passed());
        Diagnostic inDropIn = Diagnostic.error(new Position("/d/bad.container.d/10-x.conf", 2, 1), "unknown key");
        assertTrue(CaseCheck.check(c, ref, new BerthOutput("", List.of(inDropIn))).passed());
    }

    @Test
    void missingKeyErrorsNeedNoLine() {
        RunOutput ref = new RunOutput("", "converting \"a.container\": no Image or Rootfs key specified\n", 1);
        Diagnostic noLine = Diagnostic.error(Position.ofFile("/d/a.container"), "no Image");
        assertTrue(CaseCheck.check(kase(CorpusCase.Expectation.REJECTS), ref, new BerthOutput("", List.of(noLine))).passed());
    }

    @Test
    void loadErrorsNameTheFullPath() {
        List<ReferenceFailure> f = ReferenceFailure.parse("quadlet-generator[PID]: error loading \"/d/x.d/a.conf\", file contains line 3: bad\n"
                + "converting \"b.volume\": key Type can't be used without Device\n");
        assertEquals(2, f.size());
        assertTrue(f.get(0).concerns("/d/x.d/a.conf"));
        assertFalse(f.get(0).concerns("/d/other/a.conf"));
        assertTrue(f.get(1).concerns("/anywhere/b.volume"));
        assertTrue(f.get(0).hasLine());
    }

    @Test
    void partialCaseComparesTheUnitsTheReferenceProduced() {
        RunOutput ref = new RunOutput(dryRun("ok.service", HELLO), "converting \"bad.container\": invalid KillMode 'x'\n", 1);
        CorpusCase c = kase(CorpusCase.Expectation.PARTIAL);
        Diagnostic err = Diagnostic.error(new Position("/d/bad.container", 5, 1), "KillMode");
        assertTrue(CaseCheck.check(c, ref, new BerthOutput(dryRun("ok.service", HELLO), List.of(err))).passed());
        assertFalse(CaseCheck.check(c, ref, new BerthOutput(dryRun("ok.service", HELLO + "X=1\n"), List.of(err))).passed());
    }

    @Test
    void caseMustAgreeWithTheRecordedExit() {
        RunOutput failed = new RunOutput("", "converting \"a.container\": invalid KillMode 'x'\n", 1);
        assertFalse(CaseCheck.check(kase(CorpusCase.Expectation.ACCEPTS), failed, new BerthOutput("", List.of())).passed());
    }

    @Test
    void dropInDirectoriesApplyAsQuadletLooksThemUp() {
        assertTrue(DropIns.appliesTo("web.container.d", "web.container"));
        assertTrue(DropIns.appliesTo("container.d", "web.container"));
        assertTrue(DropIns.appliesTo("my-.container.d", "my-web.container"));
        assertTrue(DropIns.appliesTo("my-app-.container.d", "my-app-web.container"));
        assertTrue(DropIns.appliesTo("foo@.container.d", "foo@bar.container"));
        assertTrue(DropIns.appliesTo("foo-@.container.d", "foo-x@bar.container"));
        assertFalse(DropIns.appliesTo("web.volume.d", "web.container"));
        assertFalse(DropIns.appliesTo("other.container.d", "web.container"));
        assertFalse(DropIns.appliesTo("my.container.d", "my-web.container"));
    }

    @Test
    void deviationAnchorsAreHeadingSlugs() {
        var anchors = DeviationAnchors.parse("# Title\n\n### continuation-joins-words\ntext\n## Two Words `here`\n<a id=\"x-y\"></a>\n");
        assertTrue(anchors.contains("continuation-joins-words"));
        assertTrue(anchors.contains("two-words-here"));
        assertTrue(anchors.contains("x-y"));
        assertFalse(anchors.contains("text"));
    }

    @Test
    void liveStderrIsMaskedLikeTheGoldens() {
        assertEquals("quadlet-generator[PID]: Loading x\n",
                LiveReference.normalizeStderr("quadlet-generator[4242]: Loading x\n"));
        assertEquals("panic: x\n\ngoroutine N [running]:\nf(0xX)\n",
                LiveReference.normalizeStderr("panic: x\n\ngoroutine 1 [running]:\nf(0xc000123)\n"));
    }

    @Test
    void goldenCheckSpotsStaleGoldens() {
        RunOutput golden = new RunOutput(dryRun("a.service", "ExecStart=podman run --tz UTC --pull never img\n"), "x\n", 0);
        RunOutput reordered = new RunOutput(dryRun("a.service", "ExecStart=podman run --pull never --tz UTC img\n"), "x\n", 0);
        assertTrue(GoldenCheck.compare(golden, reordered).isEmpty());
        RunOutput changed = new RunOutput(dryRun("a.service", "ExecStart=podman run --tz UTC img\n"), "x\n", 0);
        assertFalse(GoldenCheck.compare(golden, changed).isEmpty());
        assertFalse(GoldenCheck.compare(golden, new RunOutput(golden.stdout(), "y\n", 0)).isEmpty());
        assertFalse(GoldenCheck.compare(golden, new RunOutput(golden.stdout(), "x\n", 1)).isEmpty());
    }
}
