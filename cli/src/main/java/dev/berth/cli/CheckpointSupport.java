package dev.berth.cli;

import dev.berth.checkpoint.CheckpointException;
import dev.berth.checkpoint.CheckpointStore;
import dev.berth.checkpoint.Coordinator;
import dev.berth.checkpoint.UnitOverrides;
import dev.berth.runtime.HostFacts;
import dev.berth.runtime.Podman;
import dev.berth.runtime.Processes;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What checkpoint, restore, checkpoints and migrate share: the store, the coordinator, name resolution. */
final class CheckpointSupport {

    private CheckpointSupport() {
    }

    /** The store; {@code BERTH_CHECKPOINT_ROOT} moves it (the unit helper reads the same variable). */
    static CheckpointStore store(Berth.Session session) {
        Optional<String> root = session.env().variable("BERTH_CHECKPOINT_ROOT").filter(r -> !r.isEmpty());
        return new CheckpointStore(root.map(Path::of).orElse(CheckpointStore.DEFAULT_ROOT), Clock.systemUTC());
    }

    static Coordinator coordinator(Berth.Session session, Systemd systemd) {
        return new Coordinator(systemd, Podman.system(), new HostFacts(Processes.system()), store(session),
                UnitOverrides.system(), Clock.systemUTC());
    }

    /** The service a NAME means, or empty after printing why not. */
    static Optional<UnitNameResolver.Found> resolve(Berth.Session session, String name, Console console) {
        BerthUnits units = BerthUnits.load(false, session.env());
        return Targets.resolve(units, List.of(name), true, console).map(f -> f.get(0));
    }

    /** What checkpoint or restore does to the unit, with the system manager's coordinator. */
    @FunctionalInterface
    interface UnitWork {
        int run(String unit, Coordinator coordinator) throws SystemdException, CheckpointException;
    }

    /**
     * Resolves NAME, connects to the system manager and does the work on the unit; a name that does not resolve,
     * systemd's refusal or the coordinator's is printed and answered with its exit status.
     */
    static int onUnit(Berth.Session session, String name, Console console, UnitWork work) {
        Optional<UnitNameResolver.Found> found = resolve(session, name, console);
        if (found.isEmpty()) {
            return Console.FAILED;
        }
        String unit = found.get().unit();
        try (Systemd systemd = session.connect(false)) {
            return work.run(unit, coordinator(session, systemd));
        } catch (SystemdException e) {
            return console.fail(e);
        } catch (CheckpointException e) {
            return fail(console, unit, e);
        }
    }

    /** podman refuses checkpoints without root: said before anything else runs. */
    static int refuseUser(Console console) {
        return console.fail("rootless", Optional.empty(), "checkpoint and restore need root: podman refuses to "
                        + "checkpoint or restore the containers of a user (rootless) unit",
                Optional.of("run the container as a system unit (/etc/containers/systemd) and berth as root"));
    }

    static int fail(Console console, String name, CheckpointException e) {
        return console.fail("checkpoint", Optional.of(name), e.problem(), e.fix());
    }
}
