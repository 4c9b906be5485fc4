package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallLockTest {

    @TempDir
    Path root;

    @Test
    void theSystemsLockIsInRunBerthAUsersInTheRuntimeDirectory() {
        Environment env = Environment.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "HOME", "/home/u"), 1000, root);
        assertEquals(Optional.of(root.resolve("run/berth/install.lock")), InstallLock.path(false, env));
        assertEquals(Optional.of(Path.of("/run/user/1000/berth-install.lock")), InstallLock.path(true, env));
    }

    @Test
    void withoutARuntimeDirectoryAUsersLockIsBesideTheInstallDirectory() {
        Environment env = Environment.of(Map.of("HOME", "/home/u"), 1000, root);
        assertEquals(Optional.of(Path.of("/home/u/.config/containers/.berth-install.lock")),
                InstallLock.path(true, env));
        assertEquals(Optional.empty(), InstallLock.path(true, Environment.of(Map.of(), 1000, root)));
    }

    /** Another process holds the lock: acquire says so and waits until that process lets go. */
    @Test
    void aSecondBerthWaitsForTheFirst() throws Exception {
        Path file = root.resolve("run/berth/install.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", out.readLine(), "the other process took the lock");

            ByteArrayOutputStream said = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);
            CompletableFuture<InstallLock> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return InstallLock.acquire(file, err);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                second.get(700, TimeUnit.MILLISECONDS);
                throw new AssertionError("took a lock another process holds");
            } catch (TimeoutException expected) {
                // still waiting, as it should
            }
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("waiting for another 'berth apply'"),
                    said.toString(StandardCharsets.UTF_8));

            holder.getOutputStream().close(); // the holder exits, and the kernel drops its lock
            try (InstallLock lock = second.get(30, TimeUnit.SECONDS)) {
                assertFalse(holder.isAlive() && !holder.waitFor(10, TimeUnit.SECONDS));
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aroundRunsTheWorkHoldingTheLockAndReleasesItAfter() throws Exception {
        Environment env = Environment.of(Map.of(), 0, root);
        String result = InstallLock.around(false, env, System.err, () -> "done", problem -> "refused: " + problem);
        assertEquals("done", result);
        // Released: taking it again does not wait.
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (InstallLock again = InstallLock.acquire(root.resolve("run/berth/install.lock"),
                new PrintStream(said, true, StandardCharsets.UTF_8))) {
            assertEquals("", said.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLockThatCannotBeTakenRefusesTheWorkWithTheReason() throws Exception {
        // run/berth is a file, so the lock's directory cannot be made.
        java.nio.file.Files.createDirectories(root.resolve("run"));
        java.nio.file.Files.writeString(root.resolve("run/berth"), "not a directory");
        Environment env = Environment.of(Map.of(), 0, root);
        List<String> ran = new java.util.ArrayList<>();
        String result = InstallLock.around(false, env, System.err, () -> {
            ran.add("work");
            return "done";
        }, problem -> "refused: " + problem.problem());
        assertTrue(result.startsWith("refused: cannot take the lock " + root.resolve("run/berth/install.lock")),
                result);
        assertTrue(result.endsWith("; nothing was changed"), result);
        assertEquals(List.of(), ran);
    }

    // Item 3: nobody but the manager's owner can make the lock file, point it elsewhere or hold it.
    @Test
    void theSystemLockDirectoryIsMadeRootOnly0755AndTheFile0600() throws Exception {
        Path file = root.resolve("run/berth/install.lock");
        try (InstallLock lock = InstallLock.acquire(file, System.err)) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aLockFileThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path dir = Files.createDirectories(root.resolve("run/berth"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path victim = Files.writeString(root.resolve("victim"), "precious\n");
        Files.createSymbolicLink(dir.resolve("install.lock"), victim);
        IOException e = assertThrows(IOException.class, () -> InstallLock.acquire(dir.resolve("install.lock"),
                System.err));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious\n", Files.readString(victim));
        Path missing = root.resolve("nowhere");
        Files.delete(dir.resolve("install.lock"));
        Files.createSymbolicLink(dir.resolve("install.lock"), missing);
        assertThrows(IOException.class, () -> InstallLock.acquire(dir.resolve("install.lock"), System.err));
        assertFalse(Files.exists(missing), "a dangling link is not followed to create its target");
    }

    @Test
    void aLockDirectoryOrFileOfAnotherUserIsRefused() throws Exception {
        Path dir = Files.createDirectories(root.resolve("run/berth"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(dir, "unix:uid", 4242);
        IOException byOwner = assertThrows(IOException.class, () -> InstallLock.acquire(dir.resolve("install.lock"),
                System.err));
        assertTrue(byOwner.getMessage().contains("owned by uid 4242"), byOwner.getMessage());

        Files.setAttribute(dir, "unix:uid", 0);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException byMode = assertThrows(IOException.class, () -> InstallLock.acquire(dir.resolve("install.lock"),
                System.err));
        assertTrue(byMode.getMessage().contains("writable by others"), byMode.getMessage());

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(dir.resolve("install.lock"), "");
        Files.setAttribute(file, "unix:uid", 4242);
        IOException fileOwner = assertThrows(IOException.class, () -> InstallLock.acquire(file, System.err));
        assertTrue(fileOwner.getMessage().contains("owned by uid 4242"), fileOwner.getMessage());
    }

    /** The other berth: takes the lock, says "held", keeps it until its standard input closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (InstallLock lock = InstallLock.acquire(Path.of(args[0]), System.err)) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close our input
                }
            }
        }
    }
}
