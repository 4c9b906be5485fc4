package dev.berth.install;

import dev.berth.spec.Problem;
import dev.berth.systemd.SystemdException;
import java.util.Locale;
import java.util.Optional;

/** {@link Problem}s made from the failures the engine meets. */
public final class Problems {

    private Problems() {
    }

    /** BUS_UNREACHABLE → "bus-unreachable". */
    public static String kindOf(SystemdException e) {
        return e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** systemd's problem and fix, with what it meant for the change appended ("nothing was changed"). */
    public static Problem of(SystemdException e, String consequence) {
        return new Problem(kindOf(e), Optional.empty(), e.problem() + "; " + consequence, e.fix());
    }

    public static Problem of(SystemdException e) {
        return new Problem(kindOf(e), Optional.empty(), e.problem(), e.fix());
    }
}
