package dev.berth.install;

import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import java.nio.file.Path;
import dev.berth.install.EnableChoice.Action;
import dev.berth.install.EnableChoice.Choice;
import dev.berth.spec.Problem;
import dev.berth.systemd.JobKind;
import dev.berth.systemd.JobOutcome;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code berth enable|disable [--now]} as an engine: records the choice as a drop-in ({@link EnableChoice}),
 * checks that the generator now sees it, reloads systemd so the generator makes or drops the links, and with
 * {@code now} starts or stops the units.
 *
 * @param user       the user's manager
 * @param searchPath what the generator reads
 * @param options    how it translates
 * @param systemd    the manager
 */
public record Enablement(boolean user, List<Path> searchPath, GeneratorOptions options, SystemdConnection systemd) {

    public Enablement {
        searchPath = List.copyOf(searchPath);
    }

    /** A unit to act on: the name the user gave and what it resolved to. */
    public record Target(String given, String unit, ManagedUnit from) {
    }

    public EnableReport run(Choice choice, List<Target> targets, boolean now) {
        boolean enable = choice == Choice.ENABLE;
        // 1. Record the choice, one file per unit.
        List<Action> actions = new ArrayList<>();
        boolean changed = false;
        for (Target t : targets) {
            Action action;
            try {
                action = EnableChoice.apply(choice, t.from(), user);
            } catch (IOException e) {
                return new EnableReport(false, List.of(), List.of(Problem.about("write", t.given(), "cannot write "
                        + EnableChoice.dropIn(t.from()) + ": " + IoErrors.reason(e), e instanceof
                        AccessDeniedException ? (user ? "check the permissions of the directory"
                        : "run berth as root, or use --user for your own units") : "check the directory")));
            }
            changed |= action != Action.UNCHANGED;
            actions.add(action);
        }
        // 2. Check that the generator now sees the choice (another drop-in may override berth's).
        Generation.Outcome after = Generation.run(searchPath, options, HostView.real());
        List<EnableReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            List<String> links = after.units().units().stream()
                    .filter(g -> g.source().path().equals(t.from().source().path())).findFirst()
                    .map(EnableChoice::startLinks).orElse(List.of());
            boolean enabled = !links.isEmpty();
            Optional<Problem> problem = Optional.empty();
            if (enabled != enable) {
                problem = Optional.of(Problem.about("not-" + (enable ? "enabled" : "disabled"), t.unit(), enable
                        ? t.unit() + " is still not enabled: the generator makes no [Install] links for it"
                        : t.unit() + " is still enabled: " + String.join(", ", links),
                        "another drop-in of " + t.from().fileName() + " overrides "
                                + EnableChoice.dropIn(t.from()) + "; see the [Install] lines of 'berth generate "
                                + "--dryrun " + t.from().source().path() + "'"));
            }
            rows.add(new EnableReport.Row(t.unit(), t.given(), actions.get(i),
                    EnableChoice.dropIn(t.from()).toString(), Optional.of(enabled), links, problem,
                    Optional.empty()));
        }
        // 3. Reload, so the generator makes the links now; then start or stop.
        boolean reloaded = false;
        if (changed || now) {
            try (Systemd bus = systemd.open()) {
                if (changed) {
                    bus.daemonReload();
                    reloaded = true;
                }
                if (now) {
                    List<String> names = targets.stream().map(Target::unit).toList();
                    List<JobOutcome> outcomes = bus.runAll(enable ? JobKind.START : JobKind.STOP, names);
                    for (int i = 0; i < outcomes.size(); i++) {
                        JobOutcome o = outcomes.get(i);
                        EnableReport.Row r = rows.get(i);
                        EnableReport.Job job = new EnableReport.Job(o.kind().verb(),
                                o.result().name().toLowerCase(Locale.ROOT).replace('_', '-'), o.succeeded(),
                                o.succeeded() ? Optional.empty() : Optional.of(o.message()),
                                o.refusal().flatMap(SystemdException::fix));
                        rows.set(i, new EnableReport.Row(r.name(), r.given(), r.action(), r.dropIn(), r.enabled(),
                                r.links(), r.problem(), Optional.of(job)));
                    }
                }
            } catch (SystemdException e) {
                return new EnableReport(reloaded, rows, List.of(Problems.of(e)));
            }
        }
        return new EnableReport(reloaded, rows, List.of());
    }
}
