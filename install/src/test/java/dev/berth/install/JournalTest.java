package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, item 7: a set of file changes is all or nothing, even across SIGKILL, SIGINT and SIGTERM. */
class JournalTest {

    @TempDir
    Path tmp;

    private Path install() throws IOException {
        return Files.createDirectories(tmp.resolve("etc/containers/systemd"));
    }

    /** Every path below {@code dir} (the journal beside it too) -> mode and contents. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tmp.resolve("etc"))) {
            for (Path p : s.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                out.put(tmp.relativize(p).toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir " + mode : mode + " " + Files.readString(p));
            }
        }
        return out;
    }

    private List<FileTransaction.Step> steps(Path install) throws IOException {
        List<FileTransaction.Step> steps = new ArrayList<>();
        Set<PosixFilePermission> priv = FileStore.PRIVATE_MODE;
        steps.add(new FileTransaction.Write(install.resolve("a.container"), "new a\n".getBytes(), FileStore.FILE_MODE,
                Optional.of(Files.readAllBytes(install.resolve("a.container"))), FileStore.FILE_MODE));
        steps.add(new FileTransaction.Write(install.resolve("db.env"), "SECRET=2\n".getBytes(), priv,
                Optional.of(Files.readAllBytes(install.resolve("db.env"))), priv));
        steps.add(new FileTransaction.Write(install.resolve("deep/er/c.network"), "[Network]\n".getBytes(),
                FileStore.FILE_MODE, Optional.empty(), FileStore.FILE_MODE));
        steps.add(new FileTransaction.Delete(install.resolve("gone.volume"), "[Volume]\n".getBytes()));
        steps.add(new FileTransaction.Unlink(install.resolve("web.container.d"), tmp.resolve("elsewhere")));
        return steps;
    }

    private void before(Path install) throws IOException {
        Files.writeString(install.resolve("a.container"), "old a\n");
        Files.setPosixFilePermissions(install.resolve("a.container"), FileStore.FILE_MODE);
        Files.writeString(install.resolve("db.env"), "SECRET=1\n");
        Files.setPosixFilePermissions(install.resolve("db.env"), FileStore.PRIVATE_MODE);
        Files.writeString(install.resolve("gone.volume"), "[Volume]\n");
        Files.setPosixFilePermissions(install.resolve("gone.volume"), FileStore.FILE_MODE);
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(install.resolve("web.container.d"), tmp.resolve("elsewhere"));
    }

    @Test
    void aTransactionKilledHalfWayIsRolledBackByTheNextRun() throws IOException {
        Path install = install();
        before(install);
        Map<String, String> was = tree();
        List<FileTransaction.Step> steps = steps(install);
        FileStore store = FileStore.atomic();

        // What a SIGKILL after the third change leaves: the journal, three changes and a temporary file.
        Journal.begin(Journal.directoryFor(install), steps, List.of(install.resolve("deep"),
                install.resolve("deep/er")));
        store.replace(install.resolve("a.container"), "new a\n".getBytes());
        store.replace(install.resolve("db.env"), "SECRET=2\n".getBytes(), FileStore.PRIVATE_MODE);
        Files.createDirectories(install.resolve("deep/er"));
        store.replace(install.resolve("deep/er/c.network"), "[Network]\n".getBytes());
        Files.writeString(install.resolve("deep/er/.d.network.123.berth-tmp"), "half");

        var said = Journal.recover(install, store);

        assertEquals(was, tree());
        assertTrue(said.get(0).message().contains("rolled back (3 files restored"), said.toString());
    }

    @Test
    void aCompleteTransactionLeavesNoJournalAndNoTemporaryFile() throws IOException {
        Path install = install();
        before(install);
        FileTransaction.Result r = new FileTransaction(FileStore.atomic(),
                Optional.of(Journal.directoryFor(install))).run(steps(install));
        assertTrue(r.ok(), r.toString());
        assertFalse(Files.exists(Journal.directoryFor(install)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(install.resolve("db.env"))));
        assertTrue(Files.exists(tmp.resolve("elsewhere")), "an unlinked link's target stays");
        assertEquals(List.of(), Journal.recover(install, FileStore.atomic()), "nothing to recover");
        try (Stream<Path> s = Files.walk(tmp.resolve("etc"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".berth-tmp")).toList());
        }
    }

    /** SIGTERM (what Ansible's timeout and systemd send) and SIGINT (^C) in the middle: all or nothing. */
    @Test
    void sigtermAndSigintInTheMiddleUndoWhatWasDone() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path install = install();
            Files.writeString(install.resolve("keep.container"), "[Container]\nImage=x\n");
            Map<String, String> was = tree();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SlowApply.class.getName(), install.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("wrote 5"));
            assertEquals("wrote 5", line, "the child got half way");
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(was, tree(), signal + ": nothing of the half-done transaction is left");
        }
    }

    /** A transaction of 40 files that takes 100 ms per file. */
    public static final class SlowApply {
        public static void main(String[] args) {
            Path install = Path.of(args[0]);
            FileStore real = FileStore.atomic();
            int[] n = {0};
            FileStore slow = new FileStore() {
                @Override
                public void createDirectory(Path dir) throws IOException {
                    real.createDirectory(dir);
                }

                @Override
                public void replace(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
                    real.replace(target, bytes, mode);
                    System.out.println("wrote " + ++n[0]);
                    System.out.flush();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void delete(Path target) throws IOException {
                    real.delete(target);
                }

                @Override
                public void deleteDirectoryIfEmpty(Path dir) throws IOException {
                    real.deleteDirectoryIfEmpty(dir);
                }
            };
            List<FileTransaction.Step> steps = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                steps.add(new FileTransaction.Write(install.resolve("sub/f" + i + ".container"),
                        "[Container]\n".getBytes(), Optional.empty()));
            }
            FileTransaction.Result r = new FileTransaction(slow, Optional.of(Journal.directoryFor(install)))
                    .run(steps);
            System.out.println(r.ok() ? "done" : "undone");
        }
    }
}
