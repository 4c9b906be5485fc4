package dev.berth.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the golden and the differential suites share: the deviation rule and how the report is published. */
final class CorpusRun {

    private CorpusRun() {
    }

    /**
     * A declared deviation must name a heading of docs/compatibility.md; the problem when it does not.
     */
    static Optional<String> undocumentedDeviation(CorpusCase c, Set<String> anchors) {
        return c.deviation()
                .filter(anchor -> !anchors.contains(anchor))
                .map(anchor -> "case declares deviation=" + anchor + ", but docs/compatibility.md has no heading '"
                        + anchor + "'");
    }

    /**
     * Writes the whole report to {@code target/corpus-report/<file>} and prints the summary and the names of
     * the failing cases, which is what a person scanning the build log needs.
     */
    static void publish(CorpusReport report, String file, List<String> extraLines) {
        StringBuilder console = new StringBuilder();
        console.append(report.summary()).append('\n');
        extraLines.forEach(l -> console.append(l).append('\n'));
        for (CaseResult r : report.failures()) {
            console.append("  DIFFERENT ").append(r.name()).append(": ")
                    .append(r.problems().isEmpty() ? "" : firstLine(r.problems().get(0))).append('\n');
        }
        try {
            Path dir = CorpusLocation.reportDir();
            Files.createDirectories(dir);
            Path out = dir.resolve(file);
            StringBuilder full = new StringBuilder(report.render());
            extraLines.forEach(l -> full.append(l).append('\n'));
            Files.writeString(out, full, StandardCharsets.UTF_8);
            console.append("full report: ").append(out).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(console);
        System.out.flush();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
