package dev.berth.cli;

import java.nio.file.Path;

/**
 * How {@code berth migrate --from} installs the unit's files: the one seam between migration and the install
 * engine. Today it runs {@code berth apply} on the migrated directory (validate, write atomically, reload); when
 * the install engine moves into a module of its own, only {@link #apply} changes.
 */
@FunctionalInterface
interface SpecInstall {

    /** Installs the Quadlet files of {@code dir}; returns apply's exit status (0: installed). */
    int install(Path dir);

    /** {@code berth apply DIR}, its report on standard error (the result of migrate is what goes to stdout). */
    static SpecInstall apply(Berth.Session session) {
        return dir -> Berth.execute(new String[] {"apply", dir.toString()},
                new Berth.Session(session.err(), session.err(), session.env(), session.systemd(), session.journal(),
                        session.clock()));
    }
}
