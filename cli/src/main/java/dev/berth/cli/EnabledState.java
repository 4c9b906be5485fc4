package dev.berth.cli;

import dev.berth.generator.InstallLink;
import dev.berth.generator.InstallLinks;
import dev.berth.install.ManagedUnit;
import java.nio.file.Path;

/**
 * Whether a unit starts at boot, read from what berth-generator makes of its file (no bus needed): the
 * {@code *.wants/}, {@code *.requires/} and {@code *.upholds/} links of its {@code [Install]} section (the file's
 * own, or the drop-in {@code berth enable} writes). systemctl cannot enable generated units, and says "generated"
 * for all of them; berth says what the links do.
 */
final class EnabledState {

    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";
    /** A template whose [Install] enables an instance (DefaultInstance=): systemctl's word for it. */
    static final String INDIRECT = "indirect";
    /** The file has errors: the generator makes neither the unit nor its links. */
    static final String NOT_GENERATED = "not-generated";

    private EnabledState() {
    }

    /** The state of {@code unit} (the service, or an instance of a template) generated from {@code from}. */
    static String of(ManagedUnit from, String unit) {
        if (from.generated().isEmpty()) {
            return NOT_GENERATED;
        }
        boolean template = from.template() && unit.equals(from.service());
        boolean any = false;
        for (InstallLink l : InstallLinks.of(from.generated().get())) {
            Path parent = l.link().getParent();
            Path name = l.link().getFileName();
            if (parent == null || name == null) {
                continue;
            }
            String dir = parent.toString();
            if (!(dir.endsWith(".wants") || dir.endsWith(".requires") || dir.endsWith(".upholds"))) {
                continue;
            }
            any = true;
            if (name.toString().equals(unit)) {
                return ENABLED;
            }
        }
        return template && any ? INDIRECT : DISABLED;
    }

    /** What is-enabled counts as enabled (exit 0), as systemctl does for indirect. */
    static boolean counts(String state) {
        return state.equals(ENABLED) || state.equals(INDIRECT);
    }
}
