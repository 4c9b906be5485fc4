package dev.berth.spec.systemd;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a value the way systemd 257 parses it, by the value's label in {@link SystemdDirectives} (or, for the
 * directives systemd labels {@code OTHER}, by name). Only syntax that systemd rejects is reported: systemd then
 * logs "Failed to parse ..., ignoring" and runs the unit without the line, which is the silent failure this
 * catches. Values with specifiers ({@code %i}) or environment variables are not judged where they could matter.
 */
public final class SystemdValues {

    private SystemdValues() {
    }

    private static final List<String> SERVICE_TYPES =
            List.of("simple", "exec", "forking", "oneshot", "dbus", "notify", "notify-reload", "idle");
    private static final List<String> RESTART =
            List.of("no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always");
    private static final List<String> ACTIONS = List.of("none", "reboot", "reboot-force", "reboot-immediate",
            "poweroff", "poweroff-force", "poweroff-immediate", "exit", "exit-force", "soft-reboot",
            "soft-reboot-force", "kexec", "kexec-force", "halt", "halt-force", "halt-immediate");
    private static final List<String> JOB_MODES = List.of("fail", "replace", "replace-irreversibly", "isolate",
            "flush", "ignore-dependencies", "ignore-requirements", "restart-dependencies");
    private static final List<String> LEVELS =
            List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5",
            "local6", "local7");

    /** Enumerations, by systemd's label (or by directive name for those labelled OTHER). */
    private static final Map<String, List<String>> ENUMS = Map.ofEntries(
            Map.entry("SERVICETYPE", SERVICE_TYPES),
            Map.entry("SERVICERESTART", RESTART),
            Map.entry("SERVICERESTARTMODE", List.of("normal", "direct", "debug")),
            Map.entry("SERVICEEXITTYPE", List.of("main", "cgroup")),
            Map.entry("KILLMODE", List.of("control-group", "process", "mixed", "none")),
            Map.entry("ACCESS", List.of("none", "main", "exec", "all")),
            Map.entry("TIMEOUTMODE", List.of("terminate", "abort", "kill")),
            Map.entry("ACTION", ACTIONS),
            Map.entry("POLICY", List.of("auto", "closed", "strict")),
            Map.entry("CPUSCHEDPOLICY", List.of("other", "batch", "idle", "fifo", "rr")),
            Map.entry("FACILITY", FACILITIES),
            Map.entry("OOMPolicy", List.of("continue", "stop", "kill")),
            Map.entry("CollectMode", List.of("inactive", "inactive-or-failed")),
            Map.entry("KeyringMode", List.of("inherit", "private", "shared")),
            Map.entry("ProtectProc", List.of("noaccess", "invisible", "ptraceable", "default")),
            Map.entry("ProcSubset", List.of("all", "pid")),
            Map.entry("OnSuccessJobMode", JOB_MODES),
            Map.entry("OnFailureJobMode", JOB_MODES));

    /** Directives that take a boolean or one of a few words. */
    private static final Map<String, List<String>> BOOLEAN_OR = Map.of(
            "ProtectSystem", List.of("full", "strict"),
            "ProtectHome", List.of("read-only", "tmpfs"),
            "PrivateTmp", List.of("disconnected"),
            "PrivateUsers", List.of("self", "identity", "full"),
            "ProtectControlGroups", List.of("private", "strict"));

    /** Directives labelled OTHER that take a time span. */
    private static final List<String> TIME_SPANS = List.of("TimeoutStopSec", "TimeoutAbortSec", "JobTimeoutSec",
            "JobRunningTimeoutSec", "CPUQuotaPeriodSec", "ManagedOOMMemoryPressureDurationSec");

    /** Directives (in [Install] and dependency lists) whose words are unit names. */
    private static final List<String> INSTALL_UNIT_LISTS = List.of("WantedBy", "RequiredBy", "UpheldBy", "Also");

    private static final List<String> UNIT_SUFFIXES = List.of("service", "socket", "target", "device", "mount",
            "automount", "swap", "timer", "path", "slice", "scope",
            // Quadlet translates references to its own files (Podman 5.5 and later, berth always).
            "container", "volume", "network", "pod", "kube", "image", "build", "artifact");

    /** Targets people write without their suffix. */
    private static final List<String> COMMON_TARGETS = List.of("multi-user", "default", "graphical", "basic",
            "network", "network-online", "sockets", "timers", "paths", "local-fs", "remote-fs", "sysinit",
            "shutdown", "rescue", "emergency", "nss-lookup", "time-sync", "getty");

    private static final Pattern TIME_SPAN = Pattern.compile(
            "(\\s*[0-9]+(\\.[0-9]+)?\\s*(usec|us|µs|μs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour"
                    + "|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y)?)+\\s*");
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{1,4}");
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    /** The problem with {@code [section] key=value} whose value systemd labels {@code label}; empty when fine. */
    public static Optional<ValueProblem> check(String section, String key, String label, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.contains("%") || v.contains("$")) {
            return Optional.empty(); // an empty assignment resets; specifiers and variables are resolved later
        }
        if (INSTALL_UNIT_LISTS.contains(key) || label.startsWith("UNIT ")) {
            return unitNames(key, v);
        }
        if (TIME_SPANS.contains(key) || label.equals("SECONDS") || label.equals("NANOSECONDS")) {
            return timeSpan(key, v);
        }
        if (BOOLEAN_OR.containsKey(key)) {
            return parseBoolean(v).isPresent() ? Optional.empty() : oneOf(key, v, withBooleans(BOOLEAN_OR.get(key)));
        }
        List<String> words = ENUMS.getOrDefault(key, ENUMS.get(label));
        if (words != null) {
            return oneOf(key, v, words);
        }
        return switch (label) {
            case "BOOLEAN" -> parseBoolean(v).isPresent() ? Optional.empty()
                    : ValueProblem.of("'" + v + "' is not a boolean for " + key + "=; systemd ignores the line",
                            "use yes or no");
            case "UNSIGNED" -> UNSIGNED.matcher(v).matches() ? Optional.empty()
                    : ValueProblem.of("'" + v + "' is not an unsigned number for " + key + "=; systemd ignores the "
                            + "line", null);
            case "MODE" -> OCTAL_MODE.matcher(v).matches() ? Optional.empty()
                    : ValueProblem.of("'" + v + "' is not an octal file mode for " + key + "=; systemd ignores "
                            + "the line", "write it in octal, e.g. 0755");
            case "NICE" -> inRange(key, v, -20, 19);
            case "OOMSCOREADJUST" -> inRange(key, v, -1000, 1000);
            case "LEVEL" -> LEVELS.contains(v) || v.matches("[0-7]") ? Optional.empty() : oneOf(key, v, LEVELS);
            case "SIGNAL" -> signal(key, v);
            case "OUTPUT" -> output(key, v, List.of("inherit", "null", "tty", "journal", "kmsg", "journal+console",
                    "kmsg+console", "socket"));
            case "INPUT" -> output(key, v, List.of("null", "tty", "tty-force", "tty-fail", "data", "socket"));
            default -> Optional.empty();
        };
    }

    /** systemd's {@code parse_boolean}. */
    public static Optional<Boolean> parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "yes", "y", "true", "t", "on" -> Optional.of(true);
            case "0", "no", "n", "false", "f", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** systemd's time span syntax: {@code infinity}, or numbers each with an optional unit ("1min 30s", "90"). */
    public static boolean isTimeSpan(String v) {
        return v.equals("infinity") || TIME_SPAN.matcher(v).matches();
    }

    private static Optional<ValueProblem> timeSpan(String key, String v) {
        if (isTimeSpan(v)) {
            return Optional.empty();
        }
        return ValueProblem.of("'" + v + "' is not a time span for " + key + "=; systemd ignores the line and "
                + "keeps its default", "write a number of seconds or a span such as 90s, 5min or 1h 30min, or "
                + "infinity");
    }

    private static Optional<ValueProblem> oneOf(String key, String v, List<String> words) {
        if (words.contains(v)) {
            return Optional.empty();
        }
        Optional<String> meant = SystemdDirectives.Closest.among(v, words);
        String fix = meant.map(m -> "did you mean '" + m + "'?")
                .orElse("use one of " + String.join(", ", words));
        return ValueProblem.of("'" + v + "' is not a valid " + key + "= value; systemd ignores the line", fix);
    }

    private static List<String> withBooleans(List<String> words) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("yes", "no"), words.stream()).toList();
    }

    private static Optional<ValueProblem> inRange(String key, String v, int min, int max) {
        if (INTEGER.matcher(v).matches()) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // out of int range: reported below
            }
        }
        return ValueProblem.of("'" + v + "' is not a number from " + min + " to " + max + " for " + key
                + "=; systemd ignores the line", null);
    }

    private static Optional<ValueProblem> signal(String key, String v) {
        String name = v.startsWith("SIG") ? v.substring(3) : v;
        if (UNSIGNED.matcher(v).matches() || name.matches("RTMIN(\\+[0-9]+)?|RTMAX(-[0-9]+)?")
                || SIGNALS.contains(name)) {
            return Optional.empty();
        }
        Optional<String> meant = SystemdDirectives.Closest.among(name, SIGNALS);
        return ValueProblem.of("'" + v + "' is not a signal for " + key + "=; systemd ignores the line",
                meant.map(m -> "did you mean 'SIG" + m + "'?").orElse("use a name such as SIGTERM"));
    }

    private static final List<String> SIGNALS = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");

    private static Optional<ValueProblem> output(String key, String v, List<String> words) {
        if (words.contains(v) || v.startsWith("file:") || v.startsWith("append:") || v.startsWith("truncate:")
                || v.startsWith("fd:") || (key.equals("StandardInput") && v.startsWith("file:"))) {
            return Optional.empty();
        }
        return oneOf(key, v, words);
    }

    private static String linkDirectory(String key) {
        return switch (key) {
            case "RequiredBy" -> "requires";
            case "UpheldBy" -> "upholds";
            default -> "wants";
        };
    }

    private static Optional<ValueProblem> unitNames(String key, String v) {
        for (String word : v.split("\\s+")) {
            int dot = word.lastIndexOf('.');
            String suffix = dot < 0 ? "" : word.substring(dot + 1);
            if (UNIT_SUFFIXES.contains(suffix)) {
                continue;
            }
            String fix = COMMON_TARGETS.contains(word) ? "did you mean '" + word + ".target'?"
                    : "add the unit type, e.g. '" + word + ".target' or '" + word + ".service'";
            String effect = key.equals("WantedBy") || key.equals("RequiredBy") || key.equals("UpheldBy")
                    ? "the unit is linked into " + word + "." + linkDirectory(key) + "/, which systemd never reads: "
                            + "it will not start at boot"
                    : "systemd ignores it";
            return ValueProblem.of("'" + word + "' in " + key + "= is not a unit name (no type suffix); " + effect,
                    fix);
        }
        return Optional.empty();
    }
}
