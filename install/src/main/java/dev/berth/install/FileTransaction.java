package dev.berth.install;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
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
public final class FileTransaction {

    /** One change to one file. */
    public sealed interface Step permits Write, Delete, Unlink {
        Path target();
    }

    /**
     * Write {@code bytes} at {@code target} with {@code mode}; {@code before} is what was there (empty: nothing),
     * with {@code beforeMode}.
     */
    public record Write(Path target, byte[] bytes, Set<PosixFilePermission> mode, Optional<byte[]> before,
                        Set<PosixFilePermission> beforeMode) implements Step {
        public Write(Path target, byte[] bytes, Optional<byte[]> before) {
            this(target, bytes, FileStore.FILE_MODE, before, FileStore.FILE_MODE);
        }
    }

    /** Delete {@code target}, whose contents are {@code before}, with {@code beforeMode}. */
    public record Delete(Path target, byte[] before, Set<PosixFilePermission> beforeMode) implements Step {
        public Delete(Path target, byte[] before) {
            this(target, before, FileStore.FILE_MODE);
        }
    }

    /** Remove the symbolic link {@code target} itself (never what it points to), which points to {@code to}. */
    public record Unlink(Path target, Path to) implements Step {
    }

    /**
     * @param done            the steps carried out (and kept)
     * @param failure         the step that failed, if one did; then nothing is kept
     * @param rollbackProblems steps that could not be undone (the file named is left in its new state)
     */
    public record Result(List<Step> done, Optional<Diagnostic> failure, List<Diagnostic> rollbackProblems) {
        public Result {
            done = List.copyOf(done);
            rollbackProblems = List.copyOf(rollbackProblems);
        }

        public boolean ok() {
            return failure.isEmpty();
        }
    }

    private final FileStore store;
    private final Optional<Path> journalDirectory;

    /** A transaction undone only in memory (no journal): a crash half way leaves what was done. */
    public FileTransaction(FileStore store) {
        this(store, Optional.empty());
    }

    /** A transaction with its undo record in {@code journalDirectory} (see {@link Journal}). */
    public FileTransaction(FileStore store, Optional<Path> journalDirectory) {
        this.store = store;
        this.journalDirectory = journalDirectory;
    }

    /**
     * Carries out {@code steps}, all or nothing. SIGINT and SIGTERM (which run the JVM's shutdown hooks) do not cut
     * it in half: the hook marks the transaction interrupted and waits for it, and the transaction undoes what it
     * did and ends before the JVM does. SIGKILL or a crash leaves the journal, which the next run rolls back.
     */
    public Result run(List<Step> steps) {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "berth-file-transaction");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runJournaled(steps, interrupted);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running and returns now that the transaction is over
            }
        }
    }

    private Result runJournaled(List<Step> steps, AtomicBoolean interrupted) {
        Optional<Journal> journal = Optional.empty();
        if (journalDirectory.isPresent()) {
            try {
                journal = Optional.of(Journal.begin(journalDirectory.get(), steps, missingDirectories(steps)));
            } catch (IOException | RuntimeException e) {
                Diagnostic failure = Diagnostic.error(Position.ofFile(journalDirectory.get().toString()),
                        "cannot write berth's undo journal: " + reason(e), fix(e));
                return new Result(List.of(), Optional.of(failure), List.of());
            }
        }
        Result r = runSteps(steps, interrupted);
        if (journal.isPresent() && r.rollbackProblems().isEmpty()) {
            try {
                journal.get().finish();
            } catch (IOException e) {
                // A finished journal left behind is rolled back by the next run: only if it is complete and the
                // files differ; they do not, so it restores nothing.
            }
        }
        return r;
    }

    /** The directories the writes will make, outermost first. */
    private static List<Path> missingDirectories(List<Step> steps) {
        java.util.LinkedHashSet<Path> out = new java.util.LinkedHashSet<>();
        for (Step step : steps) {
            if (step instanceof Write w) {
                Deque<Path> missing = new ArrayDeque<>();
                for (Path p = w.target().getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
                    missing.push(p);
                }
                out.addAll(missing);
            }
        }
        return List.copyOf(out);
    }

    private Result runSteps(List<Step> steps, AtomicBoolean interrupted) {
        Deque<Step> done = new ArrayDeque<>();
        Deque<Path> createdDirectories = new ArrayDeque<>();
        for (Step step : steps) {
            if (interrupted.get()) {
                Diagnostic failure = Diagnostic.error(Position.ofFile(step.target().toString()),
                        "interrupted (SIGINT or SIGTERM) before this file was changed",
                        "run the same command again");
                List<Diagnostic> problems = rollBack(done, createdDirectories);
                return new Result(List.of(), Optional.of(failure), problems);
            }
            try {
                switch (step) {
                    case Write w -> {
                        createParents(w.target(), createdDirectories);
                        store.replace(w.target(), w.bytes(), w.mode());
                    }
                    case Delete d -> store.delete(d.target());
                    case Unlink u -> store.delete(u.target());
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
                    case Write w when w.before().isPresent() -> store.replace(w.target(), w.before().get(),
                            w.beforeMode());
                    case Write w -> store.delete(w.target());
                    case Delete d -> store.replace(d.target(), d.before(), d.beforeMode());
                    case Unlink u -> store.symlink(u.target(), u.to());
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
