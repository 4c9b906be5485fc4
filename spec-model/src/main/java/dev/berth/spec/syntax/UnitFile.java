package dev.berth.spec.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed unit file: its sections in file order (a section name may repeat), plus the comments of a file
 * that has no section at all.
 *
 * @param path the path shown in diagnostics and used as {@code SourcePath=}
 */
public record UnitFile(String path, List<Section> sections, List<Comment> trailingComments) {

    public UnitFile {
        sections = List.copyOf(sections);
        trailingComments = List.copyOf(trailingComments);
    }

    public UnitFile(String path, List<Section> sections) {
        this(path, sections, List.of());
    }

    /** The file name without directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * Sections with the same name folded into the first one, in order of first appearance. This is how
     * systemd reads a unit and how drop-ins apply: later lines win for single values, lists accumulate.
     */
    public UnitFile merged() {
        if (!hasRepeatedSection()) {
            return this; // already merged: the usual case, and translation asks for it more than once
        }
        Map<String, Section> byName = new LinkedHashMap<>();
        for (Section s : sections) {
            byName.merge(s.name(), s, Section::mergedWith);
        }
        return new UnitFile(path, new ArrayList<>(byName.values()), trailingComments);
    }

    private boolean hasRepeatedSection() {
        for (int i = 1; i < sections.size(); i++) {
            String name = sections.get(i).name();
            for (int j = 0; j < i; j++) {
                if (sections.get(j).name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This file's sections followed by {@code dropIn}'s, then merged. */
    public UnitFile withDropIn(UnitFile dropIn) {
        List<Section> all = new ArrayList<>(sections);
        all.addAll(dropIn.sections);
        return new UnitFile(path, all, trailingComments).merged();
    }

    public Optional<Section> section(String name) {
        Section found = null;
        // Indexed loops here and below: these run many times per file, and C1 allocates an iterator for a for-each.
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.name().equals(name)) {
                found = found == null ? s : found.mergedWith(s);
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean hasSection(String name) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
