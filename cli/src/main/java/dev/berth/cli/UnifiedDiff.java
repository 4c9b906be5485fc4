package dev.berth.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unified diff ({@code diff -u} style, three lines of context) between two versions of a file, for people
 * reading what {@code berth apply} changes. Lines are compared whole; the longest common subsequence decides
 * what is kept.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Above this many line pairs the table costs too much memory; such files are shown as replaced whole. */
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /**
     * The diff, headed {@code --- oldName} / {@code +++ newName}; empty when the contents are equal. An absent
     * side is a file that does not exist (shown as /dev/null). Bytes that are not UTF-8 are reported in one line.
     */
    static String of(String oldName, Optional<byte[]> before, String newName, Optional<byte[]> after) {
        Optional<String> a = before.map(UnifiedDiff::text).orElse(Optional.of(""));
        Optional<String> b = after.map(UnifiedDiff::text).orElse(Optional.of(""));
        String header = "--- " + (before.isPresent() ? oldName : "/dev/null") + "\n+++ "
                + (after.isPresent() ? newName : "/dev/null") + "\n";
        if (a.isEmpty() || b.isEmpty()) {
            return header + "binary contents differ\n";
        }
        String body = lines(a.get(), b.get());
        return body.isEmpty() && before.isPresent() == after.isPresent() ? "" : header + body;
    }

    private static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** One edit of the script: a kept, removed or added line. */
    private record Edit(char op, String line, int oldLine, int newLine) {
    }

    /** The hunks between two texts; empty when they are equal. */
    static String lines(String oldText, String newText) {
        List<String> a = split(oldText);
        List<String> b = split(newText);
        List<Edit> script = script(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == ' ') {
                i++;
                continue;
            }
            // A hunk: from CONTEXT kept lines before this change to CONTEXT kept lines after the last change
            // that is no more than 2 * CONTEXT kept lines away.
            int start = Math.max(0, i - CONTEXT);
            while (start < i && script.get(start).op() != ' ') {
                start++;
            }
            int end = i;
            int kept = 0;
            for (int j = i; j < script.size(); j++) {
                if (script.get(j).op() == ' ') {
                    kept++;
                    if (kept > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    kept = 0;
                    end = j;
                }
            }
            int stop = Math.min(script.size(), end + 1 + CONTEXT);
            hunk(script.subList(start, stop), out);
            i = stop;
        }
        return out.toString();
    }

    private static void hunk(List<Edit> edits, StringBuilder out) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : edits) {
            if (e.op() != '+') {
                oldCount++;
                oldStart = oldStart < 0 ? e.oldLine() : oldStart;
            }
            if (e.op() != '-') {
                newCount++;
                newStart = newStart < 0 ? e.newLine() : newStart;
            }
        }
        // diff -u: an empty range starts at the line before it (0 at the top of the file).
        oldStart = oldCount == 0 ? edits.get(0).oldLine() - 1 : oldStart;
        newStart = newCount == 0 ? edits.get(0).newLine() - 1 : newStart;
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : edits) {
            out.append(e.op()).append(e.line()).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /** Lines without their terminators; a missing final newline is shown as diff does. */
    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!text.isEmpty() && !text.endsWith("\n") && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last) + "\n\\ No newline at end of file");
        }
        return lines;
    }

    /** The edit script from a longest-common-subsequence table (after trimming the common ends). */
    private static List<Edit> script(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> x = a.subList(prefix, a.size() - suffix);
        List<String> y = b.subList(prefix, b.size() - suffix);
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
        }
        int n = x.size();
        int m = y.size();
        if ((long) n * m > MAX_CELLS) {
            for (int k = 0; k < n; k++) {
                edits.add(new Edit('-', x.get(k), prefix + k + 1, prefix + 1));
            }
            for (int k = 0; k < m; k++) {
                edits.add(new Edit('+', y.get(k), prefix + n + 1, prefix + k + 1));
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && x.get(i).equals(y.get(j))) {
                    edits.add(new Edit(' ', x.get(i), prefix + i + 1, prefix + j + 1));
                    i++;
                    j++;
                } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    // Removals before additions, as diff prints them.
                    edits.add(new Edit('-', x.get(i), prefix + i + 1, prefix + j + 1));
                    i++;
                } else {
                    edits.add(new Edit('+', y.get(j), prefix + i + 1, prefix + j + 1));
                    j++;
                }
            }
        }
        for (int k = suffix; k > 0; k--) {
            edits.add(new Edit(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
        }
        return edits;
    }
}
