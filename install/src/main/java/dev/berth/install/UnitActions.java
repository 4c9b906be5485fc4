package dev.berth.install;

import dev.berth.install.ApplyPlan.UnitChange;
import dev.berth.install.ApplyPlan.UnitDifference;
import dev.berth.systemd.JobKind;
import dev.berth.systemd.JobOutcome;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import dev.berth.systemd.UnitState;
import dev.berth.systemd.UnitSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code berth apply} and {@code berth remove} do to the units whose generated text changed, decided from
 * their state in systemd before the files change:
 * <ul>
 *   <li>changed and running (active, activating, reloading) or failed: restart (a failed unit has its failed state
 *       reset first, so a start limit it hit does not block the fixed version);</li>
 *   <li>changed and inactive: nothing; the new unit takes effect at its next start;</li>
 *   <li>added and enabled through {@code [Install]} ({@code WantedBy=}, {@code RequiredBy=}, {@code UpheldBy=}):
 *       start; added and not enabled: nothing ({@code berth start} or {@code berth enable --now} starts it);</li>
 *   <li>removed (its file is gone, or no longer generates it) and running: stop; when the same file now
 *       generates a service of another name ({@code ServiceName=} changed), that one is started instead.</li>
 * </ul>
 * A changed template restarts its running instances.
 */
public final class UnitActions {

    private UnitActions() {
    }

    /** What is done to a unit. */
    public enum Action {
        RESTART("restart", "restarted"), START("start", "started"), STOP("stop", "stopped"), NONE("none", "left alone");

        private final String verb;
        private final String past;

        Action(String verb, String past) {
            this.verb = verb;
            this.past = past;
        }

        public String verb() {
            return verb;
        }

        public String past() {
            return past;
        }

        public JobKind job() {
            return switch (this) {
                case RESTART -> JobKind.RESTART;
                case START -> JobKind.START;
                case STOP -> JobKind.STOP;
                case NONE -> throw new IllegalStateException("no job for NONE");
            };
        }
    }

    /**
     * One decision.
     *
     * @param unit       the systemd unit acted on (an instance for a template)
     * @param difference how its generated text changed
     * @param action     what to do
     * @param resetFirst clear a failed state before restarting
     * @param reason     for NONE: why ("inactive", "not-enabled", "state-unknown"); else why the action
     */
    public record Planned(String unit, UnitDifference difference, Action action, boolean resetFirst, String reason) {
    }

    /**
     * A decision and how it went.
     *
     * @param result  "done", "failed", ... (the job's result), "planned" (dry run), or for NONE the reason
     * @param message the job's message when it did not succeed
     */
    public record Done(Planned planned, String result, boolean failed, Optional<String> message) {

        /** A step that was not carried out because an earlier one failed: it counts as failed, not as done. */
        public static Done notRun(Planned p, String why) {
            return new Done(p, "not-run", true, Optional.of(why));
        }

        /** Whether this step was not carried out (an earlier step failed). */
        public boolean notRun() {
            return "not-run".equals(result);
        }

        /** Whether the job ran and succeeded. */
        public boolean ran() {
            return !failed && planned.action() != Action.NONE && !"planned".equals(result);
        }

        public String unit() {
            return planned.unit();
        }
    }

    /** Decides from the units' current states. */
    public static List<Planned> decide(List<UnitChange> changes, Systemd systemd) throws SystemdException {
        List<Planned> out = new ArrayList<>();
        // A file whose service was renamed (ServiceName=): the old name is removed, the new one added. If the old
        // one was running, the new one is started in its place, [Install] or not.
        Set<String> renamedFromRunning = new java.util.HashSet<>();
        for (UnitChange c : changes) {
            if (c.difference() == UnitDifference.REMOVED && !c.template()
                    && state(systemd, c.name()).map(UnitActions::running).orElse(false)) {
                renamedFromRunning.add(c.source());
            }
        }
        for (UnitChange c : changes) {
            if (c.template()) {
                template(c, systemd, out);
                continue;
            }
            Optional<UnitState> state = state(systemd, c.name());
            boolean running = state.map(UnitActions::running).orElse(false);
            boolean failed = state.map(UnitState::failed).orElse(false);
            switch (c.difference()) {
                case REMOVED -> out.add(running ? planned(c.name(), c, Action.STOP, false, "running")
                        : planned(c.name(), c, Action.NONE, false, "inactive"));
                case CHANGED -> out.add(running || failed
                        ? planned(c.name(), c, Action.RESTART, failed, running ? "running" : "failed")
                        : planned(c.name(), c, Action.NONE, false, "inactive"));
                case ADDED -> {
                    if (running) {
                        out.add(planned(c.name(), c, Action.RESTART, false, "running"));
                    } else if (renamedFromRunning.contains(c.source())) {
                        out.add(planned(c.name(), c, Action.START, false, "renamed from a running unit"));
                    } else if (c.enabled()) {
                        for (String name : c.enabledAs()) {
                            out.add(planned(name, c, Action.START, false, "enabled"));
                        }
                    } else {
                        out.add(planned(c.name(), c, Action.NONE, false, "not-enabled"));
                    }
                }
            }
        }
        return out;
    }

    /** Without systemd (a dry run that cannot reach it): only what does not depend on a state. */
    public static List<Planned> decideWithoutStates(List<UnitChange> changes) {
        List<Planned> out = new ArrayList<>();
        for (UnitChange c : changes) {
            if (c.difference() == UnitDifference.ADDED && c.enabled()) {
                c.enabledAs().forEach(name -> out.add(planned(name, c, Action.START, false, "enabled")));
            } else if (c.difference() == UnitDifference.ADDED) {
                out.add(planned(c.name(), c, Action.NONE, false, "not-enabled"));
            } else {
                out.add(planned(c.name(), c, Action.NONE, false, "state-unknown"));
            }
        }
        return out;
    }

    private static void template(UnitChange c, Systemd systemd, List<Planned> out) throws SystemdException {
        String prefix = c.name().substring(0, c.name().indexOf('@') + 1);
        String suffix = c.name().substring(c.name().indexOf('@') + 1);
        List<Planned> instances = new ArrayList<>();
        for (UnitSummary s : systemd.listUnits(List.of(prefix + "*" + suffix))) {
            boolean running = Set.of("active", "activating", "reloading", "refreshing").contains(s.activeState());
            boolean failed = "failed".equals(s.activeState());
            if (c.difference() == UnitDifference.REMOVED && running) {
                instances.add(planned(s.name(), c, Action.STOP, false, "running"));
            } else if (c.difference() != UnitDifference.REMOVED && (running || failed)) {
                instances.add(planned(s.name(), c, Action.RESTART, failed, running ? "running" : "failed"));
            }
        }
        if (c.difference() == UnitDifference.ADDED && c.enabled()) {
            for (String name : c.enabledAs()) {
                if (instances.stream().noneMatch(p -> p.unit().equals(name))) {
                    instances.add(planned(name, c, Action.START, false, "enabled"));
                }
            }
        }
        if (instances.isEmpty()) {
            instances.add(planned(c.name(), c, Action.NONE, false,
                    c.difference() == UnitDifference.ADDED ? "not-enabled" : "inactive"));
        }
        out.addAll(instances);
    }

    private static Planned planned(String unit, UnitChange c, Action action, boolean reset, String reason) {
        return new Planned(unit, c.difference(), action, reset, reason);
    }

    private static boolean running(UnitState s) {
        return Set.of("active", "activating", "reloading", "refreshing").contains(s.activeState());
    }

    /** The unit's state; empty when systemd does not know it (a unit that is about to be added). */
    private static Optional<UnitState> state(Systemd systemd, String unit) throws SystemdException {
        try {
            return Optional.of(systemd.state(unit));
        } catch (SystemdException e) {
            if (e.kind() == SystemdException.Kind.NO_SUCH_UNIT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The decisions as they stand, without running anything (a dry run, or NONE entries). */
    public static List<Done> notRun(List<Planned> planned) {
        return planned.stream().map(p -> new Done(p, p.action() == Action.NONE ? p.reason() : "planned", false,
                Optional.empty())).toList();
    }

    /**
     * Runs the decisions whose action is in {@code actions}, one job kind at a time in the order stop, restart,
     * start; the jobs of one kind run concurrently. Decisions with other actions are returned as not run.
     */
    public static List<Done> run(List<Planned> planned, Set<Action> actions, Systemd systemd) {
        Map<Planned, Done> results = new LinkedHashMap<>();
        for (Action action : List.of(Action.STOP, Action.RESTART, Action.START)) {
            if (!actions.contains(action)) {
                continue;
            }
            List<Planned> batch = planned.stream().filter(p -> p.action() == action).toList();
            if (batch.isEmpty()) {
                continue;
            }
            for (Planned p : batch) {
                if (p.resetFirst()) {
                    try {
                        systemd.resetFailed(p.unit());
                    } catch (SystemdException ignored) {
                        // The restart below reports whatever is really wrong.
                    }
                }
            }
            try {
                List<JobOutcome> outcomes = systemd.runAll(action.job(), batch.stream().map(Planned::unit).toList());
                Map<String, JobOutcome> byUnit = new LinkedHashMap<>();
                outcomes.forEach(o -> byUnit.putIfAbsent(o.unit(), o));
                for (Planned p : batch) {
                    JobOutcome o = byUnit.get(p.unit());
                    if (o == null) {
                        results.put(p, new Done(p, "unknown", true, Optional.of("systemd reported nothing")));
                    } else {
                        results.put(p, new Done(p, resultName(o), !o.succeeded(),
                                o.succeeded() ? Optional.empty() : Optional.of(o.message())));
                    }
                }
            } catch (SystemdException e) {
                for (Planned p : batch) {
                    results.put(p, new Done(p, "not-run", true, Optional.of(e.getMessage())));
                }
            }
        }
        List<Done> out = new ArrayList<>();
        for (Planned p : planned) {
            out.add(results.getOrDefault(p, new Done(p, p.action() == Action.NONE ? p.reason() : "planned", false,
                    Optional.empty())));
        }
        return out;
    }

    private static String resultName(JobOutcome o) {
        if (o.refusal().isPresent()) {
            return "refused";
        }
        return o.result().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
