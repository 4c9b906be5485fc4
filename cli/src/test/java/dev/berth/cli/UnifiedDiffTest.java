package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static Optional<byte[]> b(String s) {
        return Optional.of(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("a", b("x\ny\n"), "a", b("x\ny\n")));
    }

    @Test
    void oneChangedLineWithThreeLinesOfContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String now = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
                UnifiedDiff.of("f", b(old), "f", b(now)));
    }

    @Test
    void distantChangesMakeTwoHunksCloseOnesOne() {
        StringBuilder old = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            old.append(i).append('\n');
        }
        String far = old.toString().replace("\n2\n", "\ntwo\n").replace("\n18\n", "\neighteen\n");
        assertEquals("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n",
                UnifiedDiff.lines(old.toString(), far));
        String near = old.toString().replace("\n2\n", "\ntwo\n").replace("\n9\n", "\nnine\n");
        assertEquals(1, UnifiedDiff.lines(old.toString(), near).split("@@ -").length - 1);
    }

    @Test
    void insertionsAndDeletions() {
        assertEquals("@@ -1,2 +1,3 @@\n a\n+b\n c\n", UnifiedDiff.lines("a\nc\n", "a\nb\nc\n"));
        assertEquals("@@ -1,3 +1,2 @@\n a\n-b\n c\n", UnifiedDiff.lines("a\nb\nc\n", "a\nc\n"));
    }

    @Test
    void addedAndRemovedFilesAndAMissingFinalNewline() {
        assertEquals("--- /dev/null\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.of("n", Optional.empty(), "n", b("a\nb\n")));
        assertEquals("--- o\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.of("o", b("a\n"), "o", Optional.empty()));
        assertEquals("@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n", UnifiedDiff.lines("a\n", "a"));
    }

    @Test
    void bytesThatAreNotUtf8AreNotPrinted() {
        assertEquals("--- f\n+++ f\nbinary contents differ\n",
                UnifiedDiff.of("f", Optional.of(new byte[] {(byte) 0xff}), "f", b("a\n")));
    }
}
