package dev.berth.install;

import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.InstallLink;
import dev.berth.generator.InstallLinks;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import java.io.IOException;
import dev.berth.generator.Environment;
import dev.berth.generator.SearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code berth enable} and {@code berth disable} as a file: systemd refuses {@code systemctl enable} on generated
 * units, so the choice is written where the generator reads it, as a drop-in in the Quadlet file's own drop-in
 * directory ({@code web.container.d/50-berth-enable.conf}). The generator then makes (or no longer makes) the
 * {@code [Install]} links at every daemon-reload and boot, so the choice survives reboots.
 *
 * <ul>
 *   <li>enable: when the file (with its other drop-ins) has no {@code WantedBy=}, {@code RequiredBy=} or
 *       {@code UpheldBy=} of its own, the drop-in adds {@code WantedBy=multi-user.target} ({@code default.target}
 *       for {@code --user}); when it has, the file's own {@code [Install]} is what enables it, and berth's
 *       drop-in (say, an earlier disable) is removed;</li>
 *   <li>disable: when the file has such targets, the drop-in clears them with empty assignments (which reset
 *       list-valued keys, and which {@link InstallLinks} honours); when it has none, berth's drop-in (an earlier
 *       enable) is removed. {@code Alias=} is kept: an alias starts nothing.</li>
 * </ul>
 * So each choice is one file or none, and making the same choice twice changes nothing.
 */
public final class EnableChoice {

    public static final String FILE_NAME = "50-berth-enable.conf";
    public static final List<String> TARGET_KEYS = List.of("WantedBy", "RequiredBy", "UpheldBy");

    public enum Choice {
        ENABLE, DISABLE
    }

    /** What {@link #apply} did. */
    public enum Action {
        WRITTEN, REMOVED, UNCHANGED
    }

    private EnableChoice() {
    }

    /** Where berth records the choice for this file. */
    public static Path dropIn(ManagedUnit unit) {
        return unit.dropInDirectory().resolve(FILE_NAME);
    }

    /**
     * Where berth records the choice for this file: in the admin's directory when there is one
     * ({@code /etc/containers/systemd/web.container.d/}, or the user's config directory), whichever directory of
     * the search path the file itself is in ({@code /usr/share} is the vendor's and {@code /run} does not survive a
     * reboot); the generator reads drop-ins for a file from every directory of the search path. Without an admin
     * directory ({@code QUADLET_UNIT_DIRS} names the directories), beside the file.
     */
    public static Path dropIn(ManagedUnit unit, Optional<Path> adminDirectory) {
        return adminDirectory.map(d -> d.resolve(unit.fileName() + ".d").resolve(FILE_NAME)).orElse(dropIn(unit));
    }

    /** The admin's directory berth records choices in; empty when {@code QUADLET_UNIT_DIRS} replaces the search path. */
    public static Optional<Path> adminDirectory(boolean user, Environment env) {
        if (env.variable("QUADLET_UNIT_DIRS").filter(v -> !v.isEmpty()).isPresent()) {
            return Optional.empty();
        }
        return SearchPath.installDirectory(user, env);
    }

    /** The target a unit is enabled into when its file names none. */
    public static String defaultTarget(boolean user) {
        return user ? "default.target" : "multi-user.target";
    }

    /**
     * The drop-in's text for this choice; empty when the choice needs no drop-in (the file's own {@code [Install]}
     * already says it).
     */
    public static Optional<String> content(Choice choice, ManagedUnit unit, boolean user) {
        boolean ownTargets = !ownTargets(unit).isEmpty();
        return switch (choice) {
            case ENABLE -> ownTargets ? Optional.empty() : Optional.of("""
                    # Written by 'berth enable': berth-generator links %s into %s.wants/ at every
                    # daemon-reload and boot. 'berth disable' removes this file.
                    [Install]
                    WantedBy=%s
                    """.formatted(unit.service(), defaultTarget(user), defaultTarget(user)));
            case DISABLE -> ownTargets ? Optional.of("""
                    # Written by 'berth disable': clears the [Install] targets of %s, so that
                    # berth-generator links %s nowhere and it does not start at boot. 'berth enable' removes this file.
                    [Install]
                    WantedBy=
                    RequiredBy=
                    UpheldBy=
                    """.formatted(unit.fileName(), unit.service())) : Optional.empty();
        };
    }

    /** Writes or removes berth's drop-in so that it says {@link #content}. */
    public static Action apply(Choice choice, ManagedUnit unit, boolean user) throws IOException {
        return apply(choice, unit, user, Optional.empty());
    }

    /** Writes or removes berth's drop-in (in {@code adminDirectory}, see {@link #dropIn(ManagedUnit, Optional)}). */
    public static Action apply(Choice choice, ManagedUnit unit, boolean user, Optional<Path> adminDirectory)
            throws IOException {
        Path file = dropIn(unit, adminDirectory);
        if (adminDirectory.isPresent()) {
            Path dir = adminDirectory.get();
            for (Path p = file.getParent(); p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) {
                    throw new IOException(p + " is a symbolic link; berth never writes through a link");
                }
            }
        }
        Optional<String> content = content(choice, unit, user);
        if (content.isPresent()) {
            return AtomicFiles.write(file, content.get()) ? Action.WRITTEN : Action.UNCHANGED;
        }
        return AtomicFiles.delete(file) ? Action.REMOVED : Action.UNCHANGED;
    }

    /**
     * The {@code WantedBy=}, {@code RequiredBy=}, {@code UpheldBy=} assignments in force without berth's drop-in:
     * the file and its other drop-ins, empty assignments resetting what came before them.
     */
    public static List<Entry> ownTargets(ManagedUnit unit) {
        Optional<Section> install = unit.source().file().section("Install");
        List<Entry> out = new ArrayList<>();
        if (install.isEmpty()) {
            return out;
        }
        Path ours = Path.of(unit.fileName() + ".d", FILE_NAME);
        for (String key : TARGET_KEYS) {
            List<Entry> kept = new ArrayList<>();
            for (Entry e : install.get().entries(key)) {
                if (Path.of(e.position().file()).endsWith(ours)) {
                    continue;
                }
                if (e.isEmptyAssignment()) {
                    kept.clear();
                } else {
                    kept.add(e);
                }
            }
            out.addAll(kept);
        }
        return out;
    }

    /** The links the generator makes for this unit that start it: {@code *.wants/}, {@code *.requires/}, {@code *.upholds/}. */
    public static List<String> startLinks(GeneratedUnit unit) {
        List<String> out = new ArrayList<>();
        for (InstallLink l : InstallLinks.of(unit)) {
            Path parent = l.link().getParent();
            if (parent != null && (parent.toString().endsWith(".wants") || parent.toString().endsWith(".requires")
                    || parent.toString().endsWith(".upholds"))) {
                out.add(l.link().toString());
            }
        }
        return out;
    }
}
