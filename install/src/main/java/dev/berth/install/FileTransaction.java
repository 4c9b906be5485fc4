package dev.berth.install;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Carries out the file part of an apply or a removal as one unit: every file is replaced atomically (see
 * {@link FileStore#atomic()}), and when one step fails, the steps already done are undone from the old contents
 * kept in memory (and the directories created for them removed), so the install directory is left as it was.
 */
final class FileTransaction {

    /** One change to one file. */
    sealed interface Step permits Write, Delete {
        Path target();
    }

    /** Write {@code bytes} at {@code target}; {@code before} is what was there (empty: nothing). */
    record Write(Path target, byte[] bytes, Optional<byte[]> before) implements Step {
    }

    /** Delete {@code target}, whose contents are {@code before}. */
    record Delete(Path target, byte[] before) implements Step {
    }

    /**
     * @param done            the steps carried out (and kept)
     * @param failure         the step that failed, if one did; then nothing is kept
     * @param rollbackProblems steps that could not be undone (the file named is left in its new state)
     */
    record Result(List<Step> done, Optional<Diagnostic> failure, List<Diagnostic> rollbackProblems) {
        Result {
            done = List.copyOf(done);
            rollbackProblems = List.copyOf(rollbackProblems);
        }

        boolean ok() {
            return failure.isEmpty();
        }
    }

    private final FileStore store;

    FileTransaction(FileStore store) {
        this.store = store;
    }

    Result run(List<Step> steps) {
        Deque<Step> done = new ArrayDeque<>();
        Deque<Path> createdDirectories = new ArrayDeque<>();
        for (Step step : steps) {
            try {
                switch (step) {
                    case Write w -> {
                        createParents(w.target(), createdDirectories);
                        store.replace(w.target(), w.bytes());
                    }
                    case Delete d -> store.delete(d.target());
                }
                done.push(step);
            } catch (IOException | RuntimeException e) {
                String verb = step instanceof Write ? "write" : "delete";
                Diagnostic failure = Diagnostic.error(Position.ofFile(step.target().toString()),
                        "cannot " + verb + " this file: " + reason(e), fix(e));
                List<Diagnostic> problems = rollBack(done, createdDirectories);
                return new Result(List.of(), Optional.of(failure), problems);
            }
        }
        List<Step> kept = new ArrayList<>(done);
        java.util.Collections.reverse(kept);
        return new Result(kept, Optional.empty(), List.of());
    }

    /** Creates the missing ancestors of {@code file}, outermost first, remembering them for a rollback. */
    private void createParents(Path file, Deque<Path> created) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = file.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path dir = missing.pop();
            store.createDirectory(dir);
            created.push(dir);
        }
    }

    /** Undoes {@code done} (most recent first), then removes the directories made for it. */
    private List<Diagnostic> rollBack(Deque<Step> done, Deque<Path> createdDirectories) {
        List<Diagnostic> problems = new ArrayList<>();
        while (!done.isEmpty()) {
            Step step = done.pop();
            try {
                switch (step) {
                    case Write w when w.before().isPresent() -> store.replace(w.target(), w.before().get());
                    case Write w -> store.delete(w.target());
                    case Delete d -> store.replace(d.target(), d.before());
                }
            } catch (IOException | RuntimeException e) {
                problems.add(Diagnostic.error(Position.ofFile(step.target().toString()),
                        "could not restore this file after the failure: " + reason(e) + "; it has its new contents",
                        "fix the cause and run the same command again"));
            }
        }
        while (!createdDirectories.isEmpty()) {
            Path dir = createdDirectories.pop();
            try {
                store.deleteDirectoryIfEmpty(dir);
            } catch (IOException | RuntimeException ignored) {
                // An empty directory left behind changes nothing the generator reads.
            }
        }
        return problems;
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? IoErrors.reason(io) : String.valueOf(e.getMessage());
    }

    private static String fix(Exception e) {
        return e instanceof IOException io ? IoErrors.fix(io) : "please report this as a berth bug";
    }
}
