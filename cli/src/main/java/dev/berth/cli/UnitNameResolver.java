package dev.berth.cli;

import dev.berth.install.ManagedUnit;
import dev.berth.spec.quadlet.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the names users type into the systemd units berth generates. Accepted, in this order:
 * <ol>
 *   <li>a Quadlet file name: {@code web.container}, {@code db.volume} (the unit generated from that file, whatever
 *       its {@code ServiceName=});</li>
 *   <li>a service name, with or without {@code .service}: {@code web.service}, {@code db-volume},
 *       {@code custom-name} (a {@code ServiceName=} override);</li>
 *   <li>a file's base name: {@code db} for {@code db.volume} when no service is called {@code db} and only one
 *       file has that base name;</li>
 *   <li>an instance of a template file: {@code echo@blue} or {@code echo@blue.service} for {@code echo@.container}.</li>
 * </ol>
 * Anything else is an error that says what was looked for and, when one is close, which name was meant. Pure: it
 * works on the units it is given and asks nothing of systemd.
 */
public final class UnitNameResolver {

    private final List<ManagedUnit> units;

    public UnitNameResolver(List<ManagedUnit> units) {
        this.units = List.copyOf(units);
    }

    /** What a name resolved to. */
    public sealed interface Resolution {
        String given();
    }

    /**
     * @param given the name as typed
     * @param unit  the systemd unit to act on: {@code web.service}, or {@code echo@blue.service} for an instance
     * @param from  the berth unit (for an instance: its template) it belongs to
     */
    public record Found(String given, String unit, ManagedUnit from) implements Resolution {
    }

    /**
     * @param given   the name as typed
     * @param problem what is wrong: "no unit named 'wbe' in the search path"
     * @param fix     "did you mean 'web'?", or where to look
     */
    public record NotFound(String given, String problem, Optional<String> fix) implements Resolution {
        /** "problem; fix", the way diagnostics read. */
        public String message() {
            return fix.map(f -> problem + "; " + f).orElse(problem);
        }
    }

    /** Every name resolved, in order, duplicates (by unit) dropped. */
    public record Resolutions(List<Found> found, List<NotFound> notFound) {
        public Resolutions {
            found = List.copyOf(found);
            notFound = List.copyOf(notFound);
        }

        public boolean complete() {
            return notFound.isEmpty();
        }

        /** The systemd unit names, in the order given. */
        public List<String> unitNames() {
            return found.stream().map(Found::unit).toList();
        }
    }

    public List<ManagedUnit> units() {
        return units;
    }

    public Resolutions resolveAll(List<String> names) {
        List<Found> found = new ArrayList<>();
        List<NotFound> notFound = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            // instanceof, not a switch over the sealed type: that switch spins a class at run time, which the AOT
            // cache cannot hold, and every 'berth start' resolves names (bench/lifecycle/RESULTS.md).
            Resolution r = resolve(name);
            if (r instanceof Found f) {
                if (seen.add(f.unit())) {
                    found.add(f);
                }
            } else if (r instanceof NotFound n) {
                notFound.add(n);
            }
        }
        return new Resolutions(found, notFound);
    }

    public Resolution resolve(String given) {
        String name = given.strip();
        if (name.isEmpty()) {
            return new NotFound(given, "an empty unit name", Optional.of("name a unit, for example 'web'"));
        }
        Optional<UnitKind> kind = UnitKind.ofFileName(name);
        if (kind.isPresent()) {
            for (ManagedUnit u : units) {
                if (u.fileName().equals(name)) {
                    return template(given, u);
                }
            }
            Optional<Resolution> instance = instanceOf(given, name);
            if (instance.isPresent()) {
                return instance.get();
            }
            return notFound(given, "no Quadlet file named '" + name + "' in the search path");
        }
        String service = name.endsWith(".service") ? name : name + ".service";
        if (!name.endsWith(".service") && looksLikeOtherUnitType(name)) {
            return new NotFound(given, "'" + name + "' is not a service; berth only generates services",
                    Optional.of("name the Quadlet file or its service, for example 'web' or 'web.container'"));
        }
        for (ManagedUnit u : units) {
            if (u.service().equals(service)) {
                return template(given, u);
            }
        }
        if (!name.endsWith(".service")) {
            List<ManagedUnit> byBase = units.stream().filter(u -> u.source().baseName().equals(name)).toList();
            if (byBase.size() == 1) {
                return template(given, byBase.get(0));
            }
            if (byBase.size() > 1) {
                return new NotFound(given, "'" + name + "' is ambiguous: "
                        + String.join(", ", byBase.stream().map(ManagedUnit::fileName).toList()),
                        Optional.of("name the file, for example '" + byBase.get(0).fileName() + "'"));
            }
        }
        return instanceOf(given, service)
                .orElseGet(() -> notFound(given, "no unit named '" + name + "' in the search path"));
    }

    /** A template itself is found, but systemd can only run its instances; the commands say so when it matters. */
    private static Resolution template(String given, ManagedUnit u) {
        return new Found(given, u.service(), u);
    }

    /** {@code echo@blue.service} or {@code echo@blue.container} when only {@code echo@.container} exists. */
    private Optional<Resolution> instanceOf(String given, String name) {
        int at = name.indexOf('@');
        int dot = name.lastIndexOf('.');
        if (at <= 0 || dot <= at + 1) {
            return Optional.empty();
        }
        String templateFile = name.substring(0, at + 1) + name.substring(dot);
        String instance = name.substring(at + 1, dot);
        for (ManagedUnit u : units) {
            if (!u.template()) {
                continue;
            }
            boolean matches = name.endsWith(".service") ? u.service().equals(templateFile)
                    : u.fileName().equals(templateFile);
            if (matches) {
                String service = u.service();
                int tAt = service.indexOf('@');
                return Optional.of(new Found(given, service.substring(0, tAt + 1) + instance
                        + service.substring(tAt + 1), u));
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeOtherUnitType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String suffix = name.substring(dot + 1);
        return List.of("socket", "target", "timer", "mount", "automount", "swap", "path", "slice", "scope",
                "device").contains(suffix);
    }

    private NotFound notFound(String given, String problem) {
        String typed = given.strip();
        if (typed.endsWith(".service")) {
            // "api.service" for api.container with ServiceName=custom-api: say what it is called.
            String base = typed.substring(0, typed.length() - ".service".length());
            Optional<ManagedUnit> renamed = units.stream().filter(u -> u.source().baseName().equals(base)).findFirst();
            if (renamed.isPresent()) {
                return new NotFound(given, problem, Optional.of("'" + renamed.get().fileName() + "' runs as '"
                        + renamed.get().service() + "' (ServiceName=); use that name or '"
                        + renamed.get().fileName() + "'"));
            }
        }
        Optional<String> close = closest(given.strip());
        if (close.isPresent()) {
            return new NotFound(given, problem, Optional.of("did you mean '" + close.get() + "'?"));
        }
        if (units.isEmpty()) {
            return new NotFound(given, problem, Optional.of(
                    "no Quadlet files were found; put them in /etc/containers/systemd, or in "
                            + "~/.config/containers/systemd for --user"));
        }
        return new NotFound(given, problem, Optional.of("'berth list' shows the units berth generates"));
    }

    /**
     * The closest name a user could have meant, among every form a unit can be named by (file name, service name
     * with and without ".service", base name), shown in the form that matched.
     */
    private Optional<String> closest(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ManagedUnit u : units) {
            String bare = u.service().substring(0, u.service().length() - ".service".length());
            for (String c : List.of(u.fileName(), u.service(), bare, u.source().baseName())) {
                int d = distance(lower, c.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
        }
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The same ranking as the key suggestions, so every did-you-mean in berth agrees. */
    static int distance(String a, String b) {
        return dev.berth.spec.quadlet.KeyCatalog.distance(a, b);
    }
}
