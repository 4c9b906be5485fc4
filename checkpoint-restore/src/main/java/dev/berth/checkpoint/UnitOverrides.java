package dev.berth.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files through which berth tells a unit what to do next, all under /run (gone at reboot):
 * <ul>
 *   <li>runtime drop-ins in {@code /run/systemd/system/UNIT.d/}: the checkpoint window (the exit a dump causes is
 *       an intended one) and, for units generated without {@code RestoreOnStart=}, an {@code ExecStart=} through
 *       the unit helper;</li>
 *   <li>{@code /run/berth/units/UNIT/}: the restore request the helper reads, and the result it leaves.</li>
 * </ul>
 */
public final class UnitOverrides {

    static final String WINDOW = "zz-berth-checkpoint.conf";
    static final String RESTORE = "zz-berth-restore.conf";

    /** The helper's exit status for a restore that failed with {@code --fallback fail}: no Restart= after it. */
    public static final int FAILED_RESTORE = 65;

    private final Path dropInRoot;
    private final Path stateRoot;

    public UnitOverrides(Path dropInRoot, Path stateRoot) {
        this.dropInRoot = dropInRoot;
        this.stateRoot = stateRoot;
    }

    public static UnitOverrides system() {
        return new UnitOverrides(Path.of("/run/systemd/system"), Path.of("/run/berth/units"));
    }

    /**
     * During a checkpoint, conmon exits 137 (CRIU ends the dumped tree with SIGKILL): for this one exit, success
     * and no {@code Restart=}. Removed as soon as the unit is down, so a real SIGKILL later is a failure again.
     */
    void openWindow(String unit) throws IOException {
        write(unit, WINDOW, "# berth checkpoint: the container's end by CRIU is an intended stop (removed after)\n"
                + "[Service]\nSuccessExitStatus=137\nRestartPreventExitStatus=137\n");
    }

    void closeWindow(String unit) throws IOException {
        Files.deleteIfExists(dropInRoot.resolve(unit + ".d").resolve(WINDOW));
    }

    /** {@code ExecStart=} through the helper, for a unit generated without {@code RestoreOnStart=}. */
    void routeStartThroughHelper(String unit, ContainerUnit cu) throws IOException {
        write(unit, RESTORE, "# berth restore: start through the unit helper (removed after)\n[Service]\n"
                + "RestartPreventExitStatus=" + FAILED_RESTORE + "\nExecStart=\n"
                + "ExecStart=" + ContainerUnit.HELPER + " start no " + cu.image().orElse("-") + " -- "
                + cu.runLine() + "\n");
    }

    void removeRoute(String unit) throws IOException {
        Files.deleteIfExists(dropInRoot.resolve(unit + ".d").resolve(RESTORE));
    }

    /** Asks the helper of the next start to restore {@code archive} ({@code -}: to start fresh). */
    void requestRestore(String unit, String archive, String fallback) throws IOException {
        Path dir = stateDirectory(unit);
        Files.deleteIfExists(dir.resolve("start.result"));
        CheckpointStore.writePrivate(dir.resolve("restore.request"),
                ("archive=" + archive + "\nfallback=" + fallback + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void withdrawRequest(String unit) throws IOException {
        Files.deleteIfExists(stateRoot.resolve(unit).resolve("restore.request"));
    }

    /** The helper's one line on the last start: {@code restored ARCHIVE}, {@code cold WHY} or {@code failed WHY}. */
    String startResult(String unit) {
        try {
            return Files.readString(stateRoot.resolve(unit).resolve("start.result")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private Path stateDirectory(String unit) throws IOException {
        Path dir = stateRoot.resolve(unit);
        Files.createDirectories(stateRoot, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    private void write(String unit, String name, String text) throws IOException {
        Path dir = dropInRoot.resolve(unit + ".d");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".part");
        Files.writeString(temp, text);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
