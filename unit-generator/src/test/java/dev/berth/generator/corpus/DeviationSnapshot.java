package dev.berth.generator.corpus;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What berth is expected to print for a case that documents a deliberate difference from the reference:
 * {@code berth.expected} in the case directory, its dry-run output followed by its diagnostics. A declared
 * deviation is only excused from matching the reference; it must still match this reviewed snapshot, so the
 * documented behaviour cannot drift silently. Record with {@code -Dberth.corpus.record=true}, then review the
 * diff before committing.
 */
final class DeviationSnapshot {
    static final String FILE = "berth.expected";

    private DeviationSnapshot() {
    }

    static String render(BerthOutput berth) {
        StringBuilder sb = new StringBuilder(berth.stdout());
        sb.append("--- diagnostics ---\n");
        for (Diagnostic d : berth.diagnostics()) {
            sb.append(d.format()).append('\n');
        }
        return sb.toString();
    }

    /** Empty when berth's output matches the snapshot; otherwise why not. */
    static Optional<String> check(CorpusCase c, BerthOutput berth) {
        Path file = c.dir().resolve(c.reference().snapshot());
        String actual = render(berth);
        try {
            if (Boolean.getBoolean("berth.corpus.record")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return Optional.empty();
            }
            if (!Files.exists(file)) {
                return Optional.of("deviation " + c.deviation().orElse("?") + " has no " + c.reference().snapshot()
                        + " snapshot; record it with -Dberth.corpus.record=true and review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (expected.equals(actual)) {
                return Optional.empty();
            }
            return Optional.of("berth's output no longer matches the reviewed " + c.reference().snapshot()
                    + " of this deviation:\n"
                    + LineDiff.excerpt(expected, actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
