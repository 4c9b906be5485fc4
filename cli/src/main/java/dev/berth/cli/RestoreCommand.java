package dev.berth.cli;

import dev.berth.checkpoint.RestoreResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth restore}. */
@Command(name = "restore",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Starts the unit through systemd from a checkpoint: the restored container's conmon is the unit's "
                    + "main process, inside the unit's cgroup, and its state continues where it was. Later "
                    + "'berth stop' and 'berth restart' work on it as on any unit (a restart starts fresh).",
            "",
            "If the restore fails, the archive is kept and the error says why (from CRIU's log). With "
                    + "--fallback cold the unit then starts fresh, and berth says so. An archive made for another "
                    + "image is not restored. Root only.",
            "",
            "JSON: {\"unit\", \"archive\", \"restored\": bool, \"coldReason\", \"activeState\", \"mainPid\"}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:restored, or started cold with --fallback cold", "1:not started", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth restore web", "  berth restore web --from 20261203T074342.123456789Z",
                  "  berth restore web --fallback cold"})
final class RestoreCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", description = "The unit: web, web.service or web.container.")
    String name;

    @Option(names = "--from", paramLabel = "ARCHIVE", defaultValue = "latest",
            description = "latest (default), an archive's stamp or file name in the unit's store, or a path.")
    String from;

    @Option(names = "--fallback", paramLabel = "cold|fail", defaultValue = "fail",
            description = "What a failed restore does: fail (default: the unit stays down) or cold (start fresh).")
    String fallback;

    RestoreCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        if (manager.user) {
            return CheckpointSupport.refuseUser(console);
        }
        if (!fallback.equals("cold") && !fallback.equals("fail")) {
            return console.fail("usage", Optional.empty(), "--fallback " + fallback + " is not cold or fail",
                    Optional.empty());
        }
        return CheckpointSupport.onUnit(session, name, console, (unit, coordinator) -> {
            print(console, unit, coordinator.restore(unit, from, fallback));
            return Console.OK;
        });
    }

    /** The JSON answer: whether the unit came back from the archive, or why it was started cold. */
    record Document(String unit, String archive, boolean restored, Optional<String> coldReason, String activeState,
                    long mainPid) {
    }

    static void print(Console console, String unit, RestoreResult r) {
        if (console.json()) {
            console.document(new Document(unit, r.archive().path().toString(), r.restored(), r.coldReason(),
                    r.after().activeState(), r.after().mainPid()));
        } else if (r.restored()) {
            console.out("restored " + unit + " from " + r.archive().path() + "; main PID " + r.after().mainPid());
        } else {
            console.out("could not restore " + unit + " (" + r.coldReason().orElse("") + "); started it fresh "
                    + "(--fallback cold); the archive " + r.archive().path() + " is kept");
        }
    }
}
