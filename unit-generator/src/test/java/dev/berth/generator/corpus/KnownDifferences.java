package dev.berth.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A ratchet for a reference berth does not match everywhere yet: {@code known-different-<version>.txt} in the
 * corpus lists the cases (one name a line, {@code #} comments) whose difference is known and not yet ported.
 * They are reported as such; a listed case that has become identical fails until it is taken off the list, and
 * any case not listed must be identical.
 */
final class KnownDifferences {

    private KnownDifferences() {
    }

    static Set<String> of(ReferenceVersion reference) {
        Path file = CorpusLocation.corpus().resolve("known-different-" + reference.label() + ".txt");
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            Set<String> names = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code r}, marked known when listed; a listed case that passes is a problem of its own. */
    static CaseResult apply(CaseResult r, Set<String> known) {
        if (!known.contains(r.name()) || r.corpusCase().deviation().isPresent()) {
            return r;
        }
        if (r.problems().isEmpty()) {
            return new CaseResult(r.corpusCase(), List.of("listed in known-different-"
                    + r.corpusCase().reference().label() + ".txt, but now identical: take it off the list"),
                    r.notes(), false);
        }
        return new CaseResult(r.corpusCase(), r.problems(), r.notes(), true);
    }
}
