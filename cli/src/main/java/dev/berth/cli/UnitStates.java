package dev.berth.cli;

import dev.berth.systemd.JobResult;
import dev.berth.systemd.UnitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How unit states and job results read, in text and JSON, the same in every command. */
final class UnitStates {

    private UnitStates() {
    }

    /** "active (running)", "failed (exit-code, status 3)", "inactive (dead)". */
    static String active(UnitState s) {
        if (s.failed()) {
            String why = s.result().isEmpty() || "success".equals(s.result()) ? s.subState() : s.result();
            return "failed (" + why + (s.execMainStatus() != 0 ? ", status " + s.execMainStatus() : "") + ")";
        }
        return s.activeState() + (s.subState().isEmpty() ? "" : " (" + s.subState() + ")");
    }

    /** How long the unit has been active; empty unless it is active and systemd says since when. */
    static Optional<Duration> uptime(UnitState s, Instant now) {
        if (!s.active()) {
            return Optional.empty();
        }
        return s.activeEnterTimestamp().map(t -> Duration.between(t, now)).filter(d -> !d.isNegative());
    }

    /** Like systemd: "3 days 4h", "2h 5min", "4min 12s", "12s", "0s". */
    static String human(Duration d) {
        long s = d.toSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "min" : "");
        }
        if (minutes > 0) {
            return minutes + "min" + (seconds > 0 ? " " + seconds + "s" : "");
        }
        return seconds + "s";
    }

    /** DONE → "done", WAIT_EXPIRED → "wait-expired": the names systemd uses, and berth's own in that style. */
    static String name(JobResult r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The JSON of a unit state: every property berth reads, absent ones as null. */
    record StateJson(String loadState, String activeState, String subState, Optional<String> result,
                     Optional<Long> mainPid, Optional<String> since, Optional<Long> uptimeSeconds, long restarts,
                     int execMainStatus, Optional<String> fragmentPath, Optional<String> sourcePath) {
    }

    static StateJson json(UnitState s, Instant now) {
        return new StateJson(s.loadState(), s.activeState(), s.subState(),
                Optional.of(s.result()).filter(r -> !r.isEmpty()),
                s.mainPid() == 0 ? Optional.empty() : Optional.of(s.mainPid()),
                s.activeEnterTimestamp().map(Instant::toString),
                uptime(s, now).map(Duration::toSeconds),
                s.restarts(), s.execMainStatus(), s.fragmentPath(), s.sourcePath());
    }
}
