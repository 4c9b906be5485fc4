package dev.berth.cli;

import dev.berth.install.ManagedUnit;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth daemon-reload}. */
@Command(name = "daemon-reload",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Reloads systemd, which runs berth-generator again: new and changed Quadlet files become units.",
            "",
            "Waits until the reload has finished, then says how many units berth generates from the search "
                    + "path and which files were skipped for errors ('berth check' shows why). Running units "
                    + "keep running; restart them to apply a changed file.",
            "",
            "JSON: {\"reloaded\": true, \"units\": [NAME...], \"notGenerated\": [FILE...]}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:reloaded (files with errors are reported, not fatal)", "1:systemd cannot be reached "
                + "or refused", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth daemon-reload", "  berth daemon-reload --user"})
final class DaemonReloadCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    DaemonReloadCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        try (Systemd systemd = session.connect(manager.user)) {
            systemd.daemonReload();
        } catch (SystemdException e) {
            return console.fail(e);
        }
        BerthUnits units = BerthUnits.load(manager.user, session.env());
        List<String> generated = units.units().stream().filter(u -> u.generated().isPresent())
                .map(ManagedUnit::service).toList();
        List<String> broken = units.units().stream().filter(u -> u.generated().isEmpty())
                .map(u -> u.source().path()).toList();
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("reloaded", true);
            doc.put("units", generated);
            doc.put("notGenerated", broken);
            console.document(doc);
        } else {
            console.out("reloaded the " + (manager.user ? "user's" : "system") + " manager: berth generates "
                    + generated.size() + (generated.size() == 1 ? " unit" : " units"));
            for (String b : broken) {
                console.out("not generated (errors): " + b);
            }
            if (!broken.isEmpty()) {
                console.note("run 'berth check" + (manager.user ? " --user" : "") + "' to see the errors");
            }
        }
        return Console.OK;
    }
}
