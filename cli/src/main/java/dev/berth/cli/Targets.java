package dev.berth.cli;

import dev.berth.install.ManagedUnit;
import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The units a lifecycle command acts on, resolved from the names on its command line against what berth
 * generates; or the reasons it cannot act at all. Nothing is asked of systemd until every name resolves.
 */
final class Targets {

    private Targets() {
    }

    /**
     * Resolves {@code names}; prints every problem and returns empty if any name does not resolve, names a
     * template (systemd runs only its instances) or, when {@code generatedOnly}, a file with errors (which the
     * generator skipped, so systemd has no such unit).
     */
    static Optional<List<Found>> resolve(BerthUnits units, List<String> names, boolean generatedOnly,
                                         Console console) {
        Result r = resolveWithStatus(units, names, generatedOnly, console);
        return r.status() == Console.OK ? Optional.of(r.found()) : Optional.empty();
    }

    /**
     * The units, or the exit status when nothing can be done: {@link Console#NO_SUCH_UNIT} (4, as systemctl) when a
     * name does not resolve, {@link Console#FAILED} for a template or a file with errors.
     */
    record Result(List<Found> found, int status) {
    }

    /** {@link #resolveWithStatus} against the units berth generates for that manager (system, or the user's). */
    static Result resolveWithStatus(Berth.Session session, boolean user, List<String> names, boolean generatedOnly,
                                    Console console) {
        return resolveWithStatus(BerthUnits.load(user, session.env()), names, generatedOnly, console);
    }

    static Result resolveWithStatus(BerthUnits units, List<String> names, boolean generatedOnly, Console console) {
        UnitNameResolver.Resolutions r = units.resolver().resolveAll(names);
        if (!r.complete()) {
            console.fail(r.notFound());
            return new Result(List.of(), Console.NO_SUCH_UNIT);
        }
        List<dev.berth.spec.Problem> problems = new ArrayList<>();
        for (Found f : r.found()) {
            ManagedUnit u = f.from();
            if (u.template() && f.unit().equals(u.service())) {
                String prefix = u.service().substring(0, u.service().indexOf('@'));
                problems.add(Console.error("template", Optional.of(f.given()),
                        f.unit() + " is a template: systemd runs its instances, not the template itself",
                        Optional.of("name an instance, for example '" + prefix + "@NAME'")));
            } else if (generatedOnly && u.generated().isEmpty()) {
                problems.add(Console.error("not-generated", Optional.of(f.given()),
                        u.fileName() + " has errors, so berth-generator does not generate " + u.service(),
                        Optional.of("run 'berth check " + u.source().path() + "', fix the file, then "
                                + "'berth daemon-reload'")));
            }
        }
        if (!problems.isEmpty()) {
            console.failAll(problems);
            return new Result(List.of(), Console.FAILED);
        }
        return new Result(r.found(), Console.OK);
    }
}
