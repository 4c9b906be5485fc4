package dev.berth.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.CgroupFreezer;
import dev.berth.runtime.CheckpointFlags;
import dev.berth.runtime.ContainerInfo;
import dev.berth.runtime.HostFacts;
import dev.berth.runtime.Podman;
import dev.berth.runtime.PodmanException;
import dev.berth.systemd.JobResult;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checkpoint and restore of a container unit, with systemd's view kept true at every step.
 *
 * <p>Checkpoint: CRIU dumps the running container from outside the unit. To stop it, berth freezes the payload's
 * cgroup first ({@link CgroupFreezer}) and dumps it leaving it running: CRIU leaves it frozen, so the archive is
 * written while nothing in the container moves, and a refusal or a failed write (a full disk) only needs a thaw to
 * give the container back, unit active. Once the archive is stored, berth kills the frozen container, conmon (the
 * unit's main process) exits 137, and for that one exit a runtime drop-in ({@link UnitOverrides#openWindow}) makes
 * systemd count it as a success and not restart: the unit ends {@code inactive}, {@code Result=success}.
 *
 * <p>Restore: a start job through systemd whose {@code ExecStart=} is the unit helper; the helper runs
 * {@code podman container restore} inside the unit, so conmon and the payload come back into the unit's cgroup,
 * and announces conmon as the main process.
 */
public final class Coordinator {

    private final Systemd systemd;
    private final Podman podman;
    private final HostFacts host;
    private final CheckpointStore store;
    private final UnitOverrides overrides;
    private final Clock clock;

    public Coordinator(Systemd systemd, Podman podman, HostFacts host, CheckpointStore store, UnitOverrides overrides,
                       Clock clock) {
        this.systemd = systemd;
        this.podman = podman;
        this.host = host;
        this.store = store;
        this.overrides = overrides;
        this.clock = clock;
    }

    public CheckpointStore store() {
        return store;
    }

    /** The container unit behind a service name, as loaded by systemd. */
    public ContainerUnit unit(String unit) throws CheckpointException, SystemdException {
        UnitState s = systemd.state(unit);
        if (s.fragmentPath().isEmpty() || !"loaded".equals(s.loadState())) {
            throw new CheckpointException(unit + " is not loaded (" + s.loadState() + ")",
                    "check the name with 'berth list'; run 'berth daemon-reload' after adding a file");
        }
        return ContainerUnit.read(unit, Path.of(s.fragmentPath().get()), s.sourcePath().map(Path::of));
    }

    public CheckpointResult checkpoint(String unit, CheckpointRequest req)
            throws CheckpointException, SystemdException {
        requireRoot();
        UnitState before = systemd.state(unit);
        if (!before.active()) {
            throw new CheckpointException(unit + " is not running (" + before.activeState() + ")",
                    "start it first: berth start " + unit);
        }
        ContainerUnit cu = unit(unit);
        ContainerInfo info = container(cu);
        preflightSpace(unit, info);
        boolean stopping = !req.flags().leaveRunning();
        if (stopping) {
            try {
                overrides.openWindow(unit);
            } catch (IOException e) {
                throw new CheckpointException("cannot write the runtime drop-in for " + unit + ": " + e.getMessage(),
                        null);
            }
            systemd.daemonReload();
        }
        CheckpointStore.Reservation r;
        try {
            r = store.reserve(unit, req.flags().suffix());
        } catch (IOException e) {
            closeWindow(unit, stopping);
            throw new CheckpointException("cannot create an archive in " + store.root() + ": " + e.getMessage(),
                    null);
        }
        // Stopping: freeze the payload, dump it leaving it running (CRIU leaves it frozen), write the archive, and
        // only then kill it. Whatever fails before the kill, thawing gives the container back unchanged.
        Optional<CgroupFreezer> frozen = Optional.empty();
        if (stopping) {
            try {
                frozen = Optional.of(CgroupFreezer.of(info.pid()));
                frozen.get().freeze();
            } catch (IOException e) {
                abandon(r, frozen, unit, stopping);
                throw new CheckpointException("cannot freeze " + cu.containerName() + " for its checkpoint: "
                        + e.getMessage() + "\nnothing was changed, the container is still running", null);
            }
        }
        JsonNode stats;
        try {
            stats = podman.checkpoint(cu.containerName(), r.temp(), req.flags().withLeaveRunning(true));
        } catch (PodmanException e) {
            abandon(r, frozen, unit, stopping);
            String where = stillRunning(cu) ? "the container is still running and " + unit + " is active"
                    : "the container is no longer running (" + unit + ": " + stateOf(unit) + ")";
            throw new CheckpointException("CRIU did not checkpoint " + cu.containerName() + ": " + e.getMessage()
                    + "\n" + where, hint(e.getMessage()));
        }
        CheckpointMetadata meta;
        Archive archive;
        try {
            meta = new CheckpointMetadata(unit, cu.containerName(), r.target().getFileName().toString(),
                    info.imageName(), podman.imageDigest(info.imageId()).orElse(info.imageId()),
                    Instant.now(clock).toString(), podmanVersion(), host.criuVersion(), host.kernel(),
                    before.sourcePath().map(Coordinator::sha256).orElse(""), Files.size(r.temp()),
                    req.flags().compression(), req.flags().leaveRunning(), req.by(), stats);
            archive = store.commit(r, meta);
        } catch (IOException | PodmanException e) {
            abandon(r, frozen, unit, stopping);
            throw new CheckpointException("the checkpoint of " + cu.containerName() + " could not be stored: "
                    + e.getMessage() + "\n" + (stillRunning(cu) ? "nothing was lost: the container is still running "
                    + "and " + unit + " is active" : unit + ": " + stateOf(unit)), "free space in " + store.root());
        }
        if (stopping) {
            try {
                podman.kill(cu.containerName());
            } catch (PodmanException e) {
                abandon(r, frozen, unit, stopping); // the archive is already under its final name: it stays
                throw new CheckpointException("the checkpoint is in " + archive.path() + ", but " + cu.containerName()
                        + " could not be stopped after it: " + e.getMessage() + "\nit goes on running from "
                        + "where the checkpoint was taken", "stop it with 'berth stop " + unit + "'");
            }
        }
        UnitState after = stopping ? waitUntilDown(unit) : systemd.state(unit);
        closeWindow(unit, stopping);
        if (req.export().isPresent()) {
            try {
                copyPrivate(archive.path(), req.export().get());
            } catch (IOException e) {
                throw new CheckpointException("the checkpoint is in " + archive.path() + ", but the copy to "
                        + req.export().get() + " failed: " + e.getMessage(), null);
            }
        }
        return new CheckpointResult(archive, after);
    }

    public RestoreResult restore(String unit, String ref, String fallback)
            throws CheckpointException, SystemdException {
        requireRoot();
        UnitState before = systemd.state(unit);
        if (before.active() || "activating".equals(before.activeState())) {
            throw new CheckpointException(unit + " is running; a restore starts it",
                    "checkpoint it first (berth checkpoint " + unit + ") or stop it (berth stop " + unit + ")");
        }
        ContainerUnit cu = unit(unit);
        Archive archive;
        try {
            archive = store.find(unit, ref).orElseThrow(() -> new CheckpointException(
                    "no checkpoint " + ref + " for " + unit + " in " + store.root().resolve(unit),
                    "list them with 'berth checkpoints " + unit + "'"));
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + store.root() + ": " + e.getMessage(), null);
        }
        Optional<String> mismatch = imageMismatch(cu, archive);
        if (mismatch.isPresent() && fallback.equals("fail")) {
            throw new CheckpointException(mismatch.get() + "; the archive is kept",
                    "restore an archive of this unit, or use --fallback cold to start it fresh");
        }
        try {
            // With a refused archive and --fallback cold, the request says "start fresh" (a unit with
            // RestoreOnStart=latest would otherwise restore its own newest archive instead).
            overrides.requestRestore(unit, mismatch.isEmpty() ? archive.path().toString() : "-", fallback);
            if (!cu.throughHelper()) {
                overrides.routeStartThroughHelper(unit, cu);
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot prepare the restore of " + unit + ": " + e.getMessage(), null);
        }
        if (!cu.throughHelper()) {
            systemd.daemonReload();
        }
        if (before.failed()) {
            systemd.resetFailed(unit);
        }
        JobResult job = systemd.start(unit);
        String result = overrides.startResult(unit);
        if (!cu.throughHelper()) {
            try {
                overrides.removeRoute(unit);
            } catch (IOException e) {
                // left in /run: harmless (the helper starts fresh without a request), gone at reboot
            }
            systemd.daemonReload();
        }
        try {
            overrides.withdrawRequest(unit);
        } catch (IOException e) {
            // the helper removes it itself when it reads it
        }
        UnitState after = systemd.state(unit);
        if (!job.succeeded() || !after.active()) {
            String why = result.startsWith("failed ") ? result.substring(7) : "the start job ended " + job.description();
            throw new CheckpointException("restore of " + unit + " failed: " + why + "; the archive "
                    + archive.path() + " is kept", "see 'berth logs " + unit + "', or use --fallback cold");
        }
        if (result.startsWith("restored ")) {
            return new RestoreResult(archive, true, Optional.empty(), after);
        }
        String reason = mismatch.orElse(result.startsWith("cold ") ? result.substring(5) : result);
        return new RestoreResult(archive, false, Optional.of(reason), after);
    }

    private Optional<String> imageMismatch(ContainerUnit cu, Archive archive) {
        if (cu.image().isEmpty() || archive.metadata().isEmpty()) {
            return Optional.empty();
        }
        String made = archive.metadata().get().image();
        if (made == null || made.isEmpty()) {
            return Optional.empty();
        }
        if (ContainerUnit.normalImage(made).equals(ContainerUnit.normalImage(cu.image().get()))) {
            return Optional.empty();
        }
        return Optional.of("archive " + archive.path().getFileName() + " was made for image " + made + ", but "
                + cu.unit() + " runs " + cu.image().get());
    }

    private ContainerInfo container(ContainerUnit cu) throws CheckpointException {
        try {
            ContainerInfo info = podman.inspect(cu.containerName()).orElseThrow(() -> new CheckpointException(
                    "no container " + cu.containerName() + " for " + cu.unit(), null));
            if (!info.running()) {
                throw new CheckpointException("container " + cu.containerName() + " is " + info.status(), null);
            }
            return info;
        } catch (PodmanException e) {
            throw new CheckpointException("podman: " + e.getMessage(), null);
        }
    }

    /**
     * Refuses up front, before anything is frozen, when the store cannot even hold the container's resident memory.
     * A write that runs out of space later (the root file system's changes are in the archive too) is undone by a
     * thaw.
     */
    private void preflightSpace(String unit, ContainerInfo info) throws CheckpointException {
        long need = HostFacts.residentBytes(cgroupOf(info.pid())) + (1 << 20);
        try {
            long free = store.usableSpace(unit);
            if (free < need) {
                throw new CheckpointException("not enough space in " + store.root().resolve(unit) + " for a checkpoint of "
                        + info.name() + ": " + (free >> 10) + " KiB free, about " + (need >> 10)
                        + " KiB needed; nothing was changed, the container is still running",
                        "free space there, or prune old checkpoints: berth checkpoints prune");
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot read the free space of " + store.root() + ": " + e.getMessage(),
                    null);
        }
    }

    private static String cgroupOf(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
                if (l.startsWith("0::")) {
                    return l.substring(3);
                }
            }
        } catch (IOException e) {
            return "/nonexistent";
        }
        return "/nonexistent";
    }

    private static String hint(String message) {
        if (message.contains("--tcp-established") || message.contains("TCP")) {
            return "the container has an established TCP connection: close it, or checkpoint with "
                    + "--tcp-established (restore then needs the same IP address)";
        }
        if (message.contains("file-locks") || message.contains("lock")) {
            return "the container holds file locks: checkpoint with --file-locks";
        }
        return "see CRIU's log named above";
    }

    private boolean stillRunning(ContainerUnit cu) {
        try {
            return podman.inspect(cu.containerName()).map(ContainerInfo::running).orElse(false);
        } catch (PodmanException e) {
            return false;
        }
    }

    private String stateOf(String unit) {
        try {
            UnitState s = systemd.state(unit);
            return s.activeState() + ", result " + s.result();
        } catch (SystemdException e) {
            return "unknown";
        }
    }

    /** After the dump conmon exits; systemd then runs ExecStop=/ExecStopPost= (podman rm): wait for inactive. */
    private UnitState waitUntilDown(String unit) throws SystemdException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        UnitState s = systemd.state(unit);
        while (!("inactive".equals(s.activeState()) || s.failed()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = systemd.state(unit);
        }
        return s;
    }

    /**
     * Undoes a checkpoint that stops short of the kill: no temporary archive left, the container thawed, the runtime
     * drop-in gone. The container then runs on as before.
     */
    private void abandon(CheckpointStore.Reservation r, Optional<CgroupFreezer> frozen, String unit, boolean stopping)
            throws SystemdException {
        deleteQuietly(r.temp());
        try {
            if (frozen.isPresent()) {
                frozen.get().thaw();
            }
        } catch (IOException e) {
            // the payload is gone (nothing to thaw) or its cgroup unreadable: the caller reports its state
        }
        closeWindow(unit, stopping);
    }

    private void closeWindow(String unit, boolean opened) throws SystemdException {
        if (!opened) {
            return;
        }
        try {
            overrides.closeWindow(unit);
        } catch (IOException e) {
            // left in /run until reboot: it only matters while the unit runs with it
        }
        systemd.daemonReload();
    }

    private void requireRoot() throws CheckpointException {
        if (HostFacts.effectiveUid() != 0) {
            throw new CheckpointException("checkpoint and restore need root: podman refuses to checkpoint or "
                    + "restore a container of another user (rootless)",
                    "run berth as root, for a system unit (/etc/containers/systemd)");
        }
    }

    private String podmanVersion() {
        try {
            return podman.version();
        } catch (PodmanException e) {
            return "";
        }
    }

    static String sha256(String file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(md.digest(Files.readAllBytes(Path.of(file))));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a .part file: never under a final name, and the next prune or checkpoint ignores it
        }
    }

    /** Copies to {@code target} through a 0600 temporary file beside it, fsync, rename. */
    static void copyPrivate(Path from, Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(temp);
        Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try {
            CheckpointStore.copyInto(from, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
