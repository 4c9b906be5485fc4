package dev.berth.spec.quadlet;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Severity;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.systemd.ValueProblem;
import dev.berth.spec.syntax.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values Quadlet passes to podman without looking, checked against what podman 5 accepts. Quadlet generates the
 * unit either way (so berth does too); podman then refuses the command when the unit starts, so each problem is a
 * warning that names what will fail, with a did-you-mean where one is close.
 */
public final class PodmanValues {

    private PodmanValues() {
    }

    /** podman's pull policies, with the aliases its parser accepts. */
    private static final List<String> PULL = List.of("always", "missing", "never", "newer", "true", "false",
            "ifmissing", "notpresent", "ifnewer");
    /** podman auto-update's policies ({@code image} is the old name of {@code registry}). */
    private static final List<String> AUTO_UPDATE = List.of("registry", "local", "disabled", "image");
    /** Bind and named-volume options podman's -v accepts. */
    private static final List<String> VOLUME_OPTIONS = List.of("rw", "ro", "z", "Z", "O", "U", "copy", "nocopy",
            "dev", "nodev", "exec", "noexec", "suid", "nosuid", "bind", "rbind", "shared", "rshared", "slave",
            "rslave", "private", "rprivate", "unbindable", "runbindable", "idmap", "noatime", "atime", "relatime",
            "norelatime", "strictatime", "nostrictatime");
    private static final List<String> VOLUME_OPTION_PREFIXES = List.of("idmap=", "upperdir=", "workdir=", "size=",
            "subpath=");
    /** podman's --log-driver values. */
    private static final List<String> LOG_DRIVERS = List.of("journald", "k8s-file", "json-file", "none",
            "passthrough", "passthrough-tty");
    /** podman's --health-on-failure actions. */
    private static final List<String> HEALTH_ACTIONS = List.of("none", "kill", "restart", "stop");
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "sctp");
    private static final Pattern PORTS = Pattern.compile("([0-9]+)(?:-([0-9]+))?");

    /** The warnings for one Quadlet section ({@code [Container]}, {@code [Pod]}, ...). */
    public static List<Diagnostic> check(Section section) {
        List<Diagnostic> out = new ArrayList<>();
        for (Entry e : section.entries()) {
            String v = unquote(e.value().strip());
            if (v.isEmpty() || v.contains("%") || v.contains("$")) { // specifiers and variables resolve later
                continue;
            }
            Optional<ValueProblem> problem = switch (e.key()) {
                case "Pull" -> oneOf("Pull", v.toLowerCase(Locale.ROOT), PULL, "podman refuses the pull policy");
                case "AutoUpdate" -> autoUpdate(section.name(), v);
                case "LogDriver" -> oneOf("LogDriver", v, LOG_DRIVERS, "podman has no such log driver");
                case "HealthOnFailure" -> oneOf("HealthOnFailure", v, HEALTH_ACTIONS,
                        "podman refuses the action");
                case "PublishPort" -> publishPort(v);
                case "Volume" -> section.name().equals("Container") || section.name().equals("Pod")
                        || section.name().equals("Build") ? volume(v) : Optional.empty();
                default -> Optional.empty();
            };
            problem.ifPresent(p -> out.add(new Diagnostic(Severity.WARNING, e.valuePosition(), p.message(), p.fix())));
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static Optional<ValueProblem> oneOf(String key, String v, List<String> words, String what) {
        if (words.contains(v)) {
            return Optional.empty();
        }
        String fix = KeyCatalogDistance.closest(v, words).map(m -> "did you mean '" + m + "'?")
                .orElse("use one of " + String.join(", ", words.subList(0, Math.min(words.size(), 4))));
        return ValueProblem.of("'" + v + "' is not a valid " + key + "= value: " + what
                + ", so the unit fails when it starts", fix);
    }

    private static Optional<ValueProblem> autoUpdate(String section, String v) {
        // .kube files may name a container: ctr/policy.
        String policy = section.equals("Kube") && v.contains("/") ? v.substring(v.indexOf('/') + 1) : v;
        if (AUTO_UPDATE.contains(policy)) {
            return Optional.empty();
        }
        String fix = KeyCatalogDistance.closest(policy, AUTO_UPDATE).map(m -> "did you mean '" + m + "'?")
                .orElse("use registry or local");
        return ValueProblem.of("'" + policy + "' is not an auto-update policy: podman auto-update "
                + "skips or refuses this container", fix);
    }

    /** {@code [[ip:][hostPort]:]containerPort[/protocol]}, ports and ranges within 1-65535 (host port 0 too). */
    static Optional<ValueProblem> publishPort(String v) {
        String spec = v;
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            String protocol = spec.substring(slash + 1);
            spec = spec.substring(0, slash);
            for (String p : protocol.split(",")) {
                if (!PROTOCOLS.contains(p)) {
                    return ValueProblem.of("'" + protocol + "' is not a protocol podman publishes: "
                            + "the container will not start", KeyCatalogDistance.closest(p, PROTOCOLS)
                            .map(m -> "did you mean '" + m + "'?").orElse("use tcp, udp or sctp"));
                }
            }
        }
        if (spec.startsWith("[")) { // [ipv6]:host:container
            int close = spec.indexOf(']');
            if (close < 0) {
                return ValueProblem.of("'" + v + "': unclosed '[' in the IPv6 address", null);
            }
            spec = spec.substring(close + 1);
            spec = spec.startsWith(":") ? spec.substring(1) : spec;
        } else {
            String[] parts = spec.split(":", -1);
            if (parts.length == 3) {
                spec = parts[1] + ":" + parts[2];
            } else if (parts.length > 3) {
                return ValueProblem.of("'" + v + "' has too many ':' for a port mapping: the container "
                        + "will not start", "write [[ip:][hostPort]:]containerPort[/protocol], an IPv6 address in "
                        + "[brackets]");
            }
        }
        String[] ports = spec.split(":", -1);
        for (int i = 0; i < ports.length; i++) {
            boolean host = i < ports.length - 1;
            if (host && ports[i].isEmpty()) {
                continue; // ip::80, a random host port
            }
            Matcher m = PORTS.matcher(ports[i]);
            if (!m.matches()) {
                return ValueProblem.of("'" + ports[i] + "' is not a port or port range in '" + v
                        + "': podman refuses it and the container will not start",
                        "write [[ip:][hostPort]:]containerPort[/protocol]");
            }
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) == null) {
                    continue;
                }
                long port = m.group(g).length() > 6 ? Long.MAX_VALUE : Long.parseLong(m.group(g));
                if (port > 65535 || (port == 0 && !host)) {
                    return ValueProblem.of("port " + m.group(g) + " in '" + v + "' is out of range: "
                            + "podman refuses it and the container will not start",
                            "ports are 1 to 65535");
                }
            }
        }
        return Optional.empty();
    }

    /** {@code [source:]destination[:options]}: only the options are judged (paths are the host's business). */
    static Optional<ValueProblem> volume(String v) {
        String[] parts = v.split(":", -1);
        if (parts.length < 3) {
            return Optional.empty();
        }
        if (parts.length > 3) {
            return ValueProblem.of("'" + v + "' has too many ':' for a volume: podman refuses it and the "
                    + "container will not start", "write [source:]destination[:options]");
        }
        for (String option : parts[2].split(",", -1)) {
            if (option.isEmpty() || VOLUME_OPTIONS.contains(option)
                    || VOLUME_OPTION_PREFIXES.stream().anyMatch(option::startsWith)) {
                continue;
            }
            String fix = KeyCatalogDistance.closest(option, VOLUME_OPTIONS).map(m -> "did you mean '" + m + "'?")
                    .orElse("options are ro, rw, z, Z, U, O, copy, nocopy, the mount flags (nodev, noexec, "
                            + "nosuid, ...) and propagation (rshared, rslave, ...)");
            return ValueProblem.of("unknown volume option '" + option + "' in '" + v + "': podman "
                    + "refuses it and the container will not start", fix);
        }
        return Optional.empty();
    }

    /** The closest word by {@link KeyCatalog#distance}, case kept (volume options Z and z differ). */
    private static final class KeyCatalogDistance {
        static Optional<String> closest(String typed, List<String> words) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String w : words) {
                int d = KeyCatalog.distance(typed, w);
                if (d < bestDistance) {
                    best = w;
                    bestDistance = d;
                }
            }
            int allowed = Math.max(1, Math.min(3, typed.length() / 3));
            return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
        }
    }
}
