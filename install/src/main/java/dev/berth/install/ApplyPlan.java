package dev.berth.install;

import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.InstallLink;
import dev.berth.generator.InstallLinks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code berth apply} (or {@code berth remove}) would change: which files of the install directory are
 * added, replaced, left alone or deleted (by comparing bytes), and which generated units change (by comparing the
 * unit texts generated from the old and the new set of files, per service name).
 *
 * <p>Pure: the caller reads the files and runs the two generations; nothing here touches the machine. What to do
 * with the changed units (restart the active ones, start the new enabled ones) depends on their state in systemd
 * and is decided at the edge.
 *
 * @param files every file the request names, in request order
 * @param units the generated units that were added, changed or removed, by service name
 */
public record ApplyPlan(List<FileChange> files, List<UnitChange> units) {

    public ApplyPlan {
        files = List.copyOf(files);
        units = List.copyOf(units);
    }

    /** What happens to one file. */
    public enum FileAction {
        ADDED("added"), CHANGED("changed"), UNCHANGED("unchanged"), REMOVED("removed");

        private final String label;

        FileAction(String label) {
            this.label = label;
        }

        /** "added", "changed", ... for reports. */
        public String label() {
            return label;
        }
    }

    /**
     * One file of the install directory.
     *
     * @param path   where it is (or will be) installed
     * @param action what happens to it
     * @param before its current bytes; empty when it does not exist yet
     * @param after  its bytes afterwards; empty when it is removed
     * @param hidden its contents must not be shown (the old or the new file is not world-readable, or it is a
     *               symbolic link): reports say "content changed" and the mode, never the bytes
     */
    public record FileChange(String path, FileAction action, Optional<byte[]> before, Optional<byte[]> after,
                             boolean hidden) {

        public FileChange(String path, FileAction action, Optional<byte[]> before, Optional<byte[]> after) {
            this(path, action, before, after, false);
        }

        public boolean changes() {
            return action != FileAction.UNCHANGED;
        }

        // byte[] compares by identity; plans compare by content.
        @Override
        public boolean equals(Object o) {
            return o instanceof FileChange f && path.equals(f.path) && action == f.action && hidden == f.hidden
                    && sameBytes(before, f.before) && sameBytes(after, f.after);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + action.hashCode();
        }

        @Override
        public String toString() {
            return action.label() + " " + path;
        }

        private static boolean sameBytes(Optional<byte[]> a, Optional<byte[]> b) {
            return a.isPresent() == b.isPresent() && (a.isEmpty() || Arrays.equals(a.get(), b.get()));
        }
    }

    /** How a generated unit differs between the old and the new set of files. */
    public enum UnitDifference {
        ADDED("added"), CHANGED("changed"), REMOVED("removed"),
        /** Its text did not change, but systemd's view of it is out of date or it is not running as it should. */
        UNCHANGED("unchanged");

        private final String label;

        UnitDifference(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One generated unit whose text differs.
     *
     * @param name       the service file name ("web.service", or "web@.service" for a template)
     * @param difference added, changed or removed
     * @param source     the Quadlet file it is generated from (the new one; the old one when removed)
     * @param enabledAs  the units its {@code [Install]} section enables through {@code WantedBy=},
     *                   {@code RequiredBy=} or {@code UpheldBy=} in the new set ("web.service", or
     *                   "web@default.service" for a template with {@code DefaultInstance=}); empty when none
     */
    public record UnitChange(String name, UnitDifference difference, String source, List<String> enabledAs) {

        public UnitChange {
            enabledAs = List.copyOf(enabledAs);
        }

        /** A template ({@code web@.service}): it never runs itself, only its instances do. */
        public boolean template() {
            return name.contains("@.");
        }

        public boolean enabled() {
            return !enabledAs.isEmpty();
        }
    }

    /**
     * The plan of an apply.
     *
     * @param installed the current bytes of the files the request writes, by install path (absent = not there)
     * @param incoming  the new bytes, by install path, in request order
     * @param before    the units generated from the search path as it is
     * @param after     the units generated from the search path with the incoming files in place
     */
    public static ApplyPlan apply(Map<String, byte[]> installed, Map<String, byte[]> incoming,
                                  List<GeneratedUnit> before, List<GeneratedUnit> after) {
        return apply(installed, incoming, Set.of(), Set.of(), before, after);
    }

    /**
     * The plan of an apply, with modes: {@code hidden} names the files whose contents are not to be shown,
     * {@code modeChanged} the files whose bytes stay but whose mode changes (so they are written again).
     */
    public static ApplyPlan apply(Map<String, byte[]> installed, Map<String, byte[]> incoming, Set<String> hidden,
                                  Set<String> modeChanged, List<GeneratedUnit> before, List<GeneratedUnit> after) {
        List<FileChange> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : incoming.entrySet()) {
            Optional<byte[]> old = Optional.ofNullable(installed.get(e.getKey()));
            FileAction action = old.isEmpty() ? FileAction.ADDED
                    : Arrays.equals(old.get(), e.getValue()) && !modeChanged.contains(e.getKey())
                    ? FileAction.UNCHANGED : FileAction.CHANGED;
            files.add(new FileChange(e.getKey(), action, old, Optional.of(e.getValue()),
                    hidden.contains(e.getKey())));
        }
        return new ApplyPlan(files, unitChanges(before, after));
    }

    /**
     * The plan of a removal.
     *
     * @param removed the current bytes of the files to delete, by install path
     */
    public static ApplyPlan remove(Map<String, byte[]> removed, List<GeneratedUnit> before,
                                   List<GeneratedUnit> after) {
        return remove(removed, Set.of(), before, after);
    }

    /** The plan of a removal; {@code hidden} names the files (and links) whose contents are not to be shown. */
    public static ApplyPlan remove(Map<String, byte[]> removed, Set<String> hidden, List<GeneratedUnit> before,
                                   List<GeneratedUnit> after) {
        List<FileChange> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : removed.entrySet()) {
            files.add(new FileChange(e.getKey(), FileAction.REMOVED, Optional.of(e.getValue()), Optional.empty(),
                    hidden.contains(e.getKey())));
        }
        return new ApplyPlan(files, unitChanges(before, after));
    }

    /** The units whose text differs, in the order of the new generation, then the removed ones. */
    public static List<UnitChange> unitChanges(List<GeneratedUnit> before, List<GeneratedUnit> after) {
        Map<String, GeneratedUnit> old = byName(before);
        Map<String, GeneratedUnit> now = byName(after);
        List<UnitChange> changes = new ArrayList<>();
        for (GeneratedUnit u : now.values()) {
            GeneratedUnit previous = old.get(u.fileName());
            if (previous == null) {
                changes.add(new UnitChange(u.fileName(), UnitDifference.ADDED, u.source().path(), enabledAs(u)));
            } else if (!previous.text().equals(u.text())) {
                changes.add(new UnitChange(u.fileName(), UnitDifference.CHANGED, u.source().path(), enabledAs(u)));
            }
        }
        for (GeneratedUnit u : old.values()) {
            if (!now.containsKey(u.fileName())) {
                changes.add(new UnitChange(u.fileName(), UnitDifference.REMOVED, u.source().path(), List.of()));
            }
        }
        return changes;
    }

    /** The units an {@code [Install]} section pulls in at boot: the names of its .wants/.requires/.upholds links. */
    public static List<String> enabledAs(GeneratedUnit unit) {
        Set<String> names = new LinkedHashSet<>();
        for (InstallLink link : InstallLinks.of(unit)) {
            java.nio.file.Path parent = link.link().getParent();
            if (parent == null) {
                continue; // an Alias= link, which enables nothing
            }
            String dir = parent.getFileName().toString();
            if (dir.endsWith(".wants") || dir.endsWith(".requires") || dir.endsWith(".upholds")) {
                names.add(link.link().getFileName().toString());
            }
        }
        return List.copyOf(names);
    }

    /** Whether anything on disk changes. */
    public boolean changesFiles() {
        return files.stream().anyMatch(FileChange::changes);
    }

    public List<FileChange> changedFiles() {
        return files.stream().filter(FileChange::changes).toList();
    }

    private static Map<String, GeneratedUnit> byName(List<GeneratedUnit> units) {
        Map<String, GeneratedUnit> m = new LinkedHashMap<>();
        for (GeneratedUnit u : units) {
            m.putIfAbsent(u.fileName(), u);
        }
        return m;
    }
}
