package dev.berth.cli;

import dev.berth.checkpoint.CheckpointMetadata;
import dev.berth.checkpoint.CheckpointRequest;
import dev.berth.checkpoint.CheckpointResult;
import dev.berth.checkpoint.CriuStats;
import dev.berth.runtime.CheckpointFlags;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth checkpoint}. */
@Command(name = "checkpoint",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Saves a running container's whole state with CRIU, then systemd sees a clean, intended stop: the unit "
                    + "ends inactive with Result=success, and Restart= does not fire. With --leave-running the "
                    + "container keeps running and the unit stays active.",
            "",
            "The archive goes to /var/lib/berth/checkpoints/UNIT/STAMP.tar.zst (directory 0700, file 0600 from "
                    + "its creation, written under a temporary name and renamed), with STAMP.json beside it: unit, "
                    + "image and digest, time, podman, CRIU and kernel versions, the source file's hash, size and "
                    + "CRIU's figures. The container is frozen while it is dumped and the archive written, and only "
                    + "then stopped: if CRIU refuses (an established TCP connection, a lock) or the archive does "
                    + "not fit, it is thawed and nothing changes: the container keeps running, the unit stays "
                    + "active, and the error names the cause. Root only.",
            "",
            "JSON: {\"unit\", \"archive\", \"metadata\": {...}, \"activeState\", \"result\"}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:checkpointed", "1:not checkpointed (the container was left as it was)", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth checkpoint web", "  berth checkpoint --leave-running --print-stats web",
                  "  berth checkpoint --tcp-established --compress none db"})
final class CheckpointCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", description = "The unit: web, web.service or web.container.")
    String name;

    @Option(names = "--leave-running", description = "Keep the container running after the dump.")
    boolean leaveRunning;

    @Option(names = "--export", paramLabel = "FILE", description = "Also copy the archive to FILE (0600).")
    Path export;

    @Option(names = "--tcp-established", description = "Dump established TCP connections (restore on the same IP).")
    boolean tcpEstablished;

    @Option(names = "--file-locks", description = "Dump file locks.")
    boolean fileLocks;

    @Option(names = "--compress", paramLabel = "ALGO", defaultValue = "zstd",
            description = "zstd (default), gzip or none.")
    String compress;

    @Option(names = "--print-stats", description = "Print CRIU's figures: freezing and frozen time, memory dump "
            + "and write times, pages written.")
    boolean printStats;

    CheckpointCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        if (manager.user) {
            return CheckpointSupport.refuseUser(console);
        }
        if (!CheckpointFlags.COMPRESSIONS.contains(compress)) {
            return console.fail("usage", Optional.empty(), "--compress " + compress + " is not one of zstd, gzip, none",
                    Optional.empty());
        }
        CheckpointRequest req = new CheckpointRequest(
                new CheckpointFlags(compress, leaveRunning, tcpEstablished, fileLocks), Optional.ofNullable(export),
                "berth checkpoint");
        return CheckpointSupport.onUnit(session, name, console, (unit, coordinator) -> {
            print(console, unit, coordinator.checkpoint(unit, req), printStats);
            return Console.OK;
        });
    }

    /** The JSON answer: the archive written, its metadata, CRIU's statistics and the unit's state after. */
    record Document(String unit, String archive, CheckpointMetadata metadata, CriuStats criu, String activeState,
                    String result) {
    }

    static void print(Console console, String unit, CheckpointResult r, boolean stats) {
        CheckpointMetadata m = r.archive().metadata().orElseThrow();
        if (console.json()) {
            console.document(new Document(unit, r.archive().path().toString(), m, m.criu(),
                    r.after().activeState(), r.after().result()));
            return;
        }
        console.out("checkpointed " + unit + " into " + r.archive().path() + " (" + (m.size() / 1024) + " KiB); "
                + unit + " is " + r.after().activeState() + " (result " + r.after().result() + ")");
        if (stats) {
            CriuStats s = m.criu();
            console.out("  " + s.describe());
        }
    }
}
