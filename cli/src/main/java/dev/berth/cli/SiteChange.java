package dev.berth.cli;

import dev.berth.install.ChangeReport;
import dev.berth.install.InstallLock;
import dev.berth.install.InstallSite;
import dev.berth.spec.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@code berth apply} and {@code berth remove} run: on the install site of the chosen manager (refused when a
 * user's cannot be told), holding the install lock, and the report printed in the chosen format. A dry run changes
 * nothing, so it does not wait for a real one.
 */
final class SiteChange {

    private SiteChange() {
    }

    /** Runs {@code change} as described; returns the report's exit status. */
    static int run(boolean user, boolean dryRun, OutputFormat format, Berth.Session session,
                   Function<InstallSite, ChangeReport> change) {
        ChangeReport report = dryRun ? onSite(user, dryRun, session, change)
                : InstallLock.around(user, session.env(), session.err(), () -> onSite(user, false, session, change),
                        problem -> ChangeReport.refused(false, user, List.of(), List.of(problem)));
        ChangeReports.print(report, format, session.out(), session.err());
        return report.exitStatus();
    }

    private static ChangeReport onSite(boolean user, boolean dryRun, Berth.Session session,
                                       Function<InstallSite, ChangeReport> change) {
        Optional<InstallSite> site = InstallSite.of(user, session.env());
        if (site.isEmpty()) {
            return ChangeReport.refused(dryRun, user, List.of(InstallSite.unknownDirectory()),
                    List.<Problem>of());
        }
        return change.apply(site.get());
    }
}
