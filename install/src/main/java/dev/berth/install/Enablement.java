package dev.berth.install;

import dev.berth.generator.Environment;
import dev.berth.generator.GeneratedUnit;
import dev.berth.systemd.UnitState;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import dev.berth.generator.Generation;
import dev.berth.generator.SearchPath;
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
 * @param env        the search path and the options of the generator, read again after the choice is written
 * @param adminDirectory where choices are recorded, see {@link EnableChoice#dropIn(ManagedUnit, Optional)}
 * @param systemd    the manager
 */
public record Enablement(boolean user, Environment env, Optional<Path> adminDirectory, SystemdConnection systemd) {

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
                action = EnableChoice.apply(choice, t.from(), user, adminDirectory);
            } catch (IOException e) {
                return new EnableReport(false, List.of(), List.of(Problem.about("write", t.given(), "cannot write "
                        + EnableChoice.dropIn(t.from(), adminDirectory) + ": " + IoErrors.reason(e), e instanceof
                        AccessDeniedException ? (user ? "check the permissions of the directory"
                        : "run berth as root, or use --user for your own units") : "check the directory")));
            }
            changed |= action != Action.UNCHANGED;
            actions.add(action);
        }
        // 2. Check that the generator now sees the choice (another drop-in may override berth's).
        Generation.Outcome after = Generation.run(SearchPath.of(user, env), GeneratorOptions.of(user, env),
                HostView.real());
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
                                + EnableChoice.dropIn(t.from(), adminDirectory) + "; see the [Install] lines of 'berth generate "
                                + "--dryrun " + t.from().source().path() + "'"));
            }
            rows.add(new EnableReport.Row(t.unit(), t.given(), actions.get(i),
                    EnableChoice.dropIn(t.from(), adminDirectory).toString(), Optional.of(enabled), links, problem,
                    Optional.empty()));
        }
        // 3. Reload, so the generator makes the links now; then start or stop. Reload too when systemd's view is
        //    out of date although the drop-in already says the choice (an earlier reload failed): a retry repairs.
        boolean reloaded = false;
        try (Systemd bus = systemd.open()) {
            boolean stale = false;
            for (Target t : targets) {
                Optional<GeneratedUnit> g = after.units().units().stream()
                        .filter(u -> u.source().path().equals(t.from().source().path())).findFirst();
                if (g.isPresent() && !changed) {
                    stale |= stale(bus, g.get(), enable);
                }
            }
            if (changed || stale) {
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
        return new EnableReport(reloaded, rows, List.of());
    }

    /**
     * Whether systemd's view of {@code unit} lags behind the files: not loaded, NeedDaemonReload, an older
     * generated file, or the generator's start links not (or still) there.
     */
    private boolean stale(Systemd bus, GeneratedUnit unit, boolean enable) throws SystemdException {
        Optional<UnitState> state;
        try {
            state = Optional.of(bus.state(unit.fileName()));
        } catch (SystemdException e) {
            if (e.kind() != SystemdException.Kind.NO_SUCH_UNIT) {
                throw e;
            }
            state = Optional.empty();
        }
        if (Convergence.staleness(unit, state, env.root()).isPresent()) {
            return true;
        }
        Optional<String> fragment = state.flatMap(UnitState::fragmentPath).filter(p -> p.contains("/systemd/generator"));
        if (fragment.isEmpty()) {
            return false;
        }
        Path loaded = env.root().resolve(fragment.get().substring(1));
        if (!Files.exists(loaded)) {
            return false; // the generator's directory is not visible from here: nothing to compare
        }
        Path generatorDir = loaded.getParent();
        List<String> expected = EnableChoice.startLinks(unit);
        for (String link : expected) {
            if (!Files.exists(generatorDir.resolve(link), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        Path usual = generatorDir.resolve(EnableChoice.defaultTarget(user) + ".wants").resolve(unit.fileName());
        return !enable && expected.isEmpty() && Files.exists(usual, LinkOption.NOFOLLOW_LINKS);
    }
}
