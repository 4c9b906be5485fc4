package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Comment;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generated unit while a translator assembles it. It starts as a copy of the source file (every section,
 * comment and line in order) and offers the edits a translation needs. It is confined to one translation;
 * {@link #build()} returns the immutable result.
 */
public final class ServiceBuilder {

    private static final class Group {
        String name;
        final Position position;
        final List<Comment> comments = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();

        Group(String name, Position position) {
            this.name = name;
            this.position = position;
        }
    }

    private final String fileName;
    private final Position origin;
    private final List<Group> groups = new ArrayList<>();

    /** A copy of {@code source}, with same-named sections merged, named {@code fileName}. */
    public ServiceBuilder(String fileName, UnitFile source) {
        this.fileName = fileName;
        this.origin = Position.ofFile(source.path());
        List<Section> sections = source.merged().sections();
        for (int i = 0; i < sections.size(); i++) { // indexed loops in this class: no iterator per loop from C1
            Section s = sections.get(i);
            Group g = new Group(s.name(), s.position());
            if (!s.leadingComments().isEmpty()) {
                g.comments.addAll(s.leadingComments());
            }
            g.lines.addAll(s.lines());
            groups.add(g);
        }
        if (groups.isEmpty()) {
            // Quadlet keeps a nameless section for a file without any section; it prints as nothing, but
            // the blank line separating it from the next section stays, so the unit starts with a blank line.
            groups.add(new Group("", origin));
        }
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The section's group, or null. Null rather than {@code Optional}, and no lambdas below: every edit of every
     * translation comes through here, mostly before the JIT compiler has got to it.
     */
    private Group find(String name) {
        for (int i = 0; i < groups.size(); i++) { // no iterator: C1 allocates one per loop, and this runs per edit
            Group g = groups.get(i);
            if (g.name.equals(name)) {
                return g;
            }
        }
        return null;
    }

    private Group ensure(String name) {
        Group g = find(name);
        if (g == null) {
            g = new Group(name, origin);
            groups.add(g);
        }
        return g;
    }

    public boolean hasSection(String name) {
        return find(name) != null;
    }

    /** Appends {@code key=value} to the section, creating the section at the end if needed. */
    public ServiceBuilder add(String section, String key, String value) {
        ensure(section).lines.add(Entry.synthetic(key, value, origin));
        return this;
    }

    /** Replaces the last {@code key} in place, or appends it. */
    public ServiceBuilder set(String section, String key, String value) {
        Group g = ensure(section);
        for (int i = g.lines.size() - 1; i >= 0; i--) {
            if (g.lines.get(i) instanceof Entry e && e.key().equals(key)) {
                g.lines.set(i, e.withValue(value));
                return this;
            }
        }
        g.lines.add(Entry.synthetic(key, value, origin));
        return this;
    }

    /** {@link #set} only when the user has not set {@code key} already. */
    public ServiceBuilder setDefault(String section, String key, String value) {
        if (lookup(section, key).isEmpty()) {
            set(section, key, value);
        }
        return this;
    }

    /** Puts {@code key=value} first in the section. */
    public ServiceBuilder prepend(String section, String key, String value) {
        ensure(section).lines.add(0, Entry.synthetic(key, value, origin));
        return this;
    }

    public ServiceBuilder unset(String section, String key) {
        Group g = find(section);
        if (g != null) {
            g.lines.removeIf(l -> l instanceof Entry e && e.key().equals(key));
        }
        return this;
    }

    /** Renames a section; when {@code to} exists already, the lines move there. */
    public ServiceBuilder rename(String from, String to) {
        Group old = find(from);
        if (old == null) {
            return this;
        }
        Group target = find(to);
        if (target == null) {
            old.name = to;
        } else if (target != old) {
            target.comments.addAll(old.comments);
            target.lines.addAll(old.lines);
            groups.remove(old);
        }
        return this;
    }

    public ServiceBuilder removeSection(String name) {
        groups.removeIf(g -> g.name.equals(name));
        return this;
    }

    /** Adds comment lines above the first section, as the generator's "Automatically generated" banner. */
    public ServiceBuilder prependBanner(List<String> comments) {
        Group first = groups.isEmpty() ? ensure("Unit") : groups.get(0);
        List<Comment> banner = new ArrayList<>();
        for (String c : comments) {
            banner.add(new Comment("# " + c, origin));
        }
        first.comments.addAll(0, banner);
        return this;
    }

    /** The last value of {@code key}, as Quadlet's {@code Lookup} reads it. */
    public Optional<String> lookup(String section, String key) {
        Group g = find(section);
        if (g == null) {
            return Optional.empty();
        }
        for (int i = g.lines.size() - 1; i >= 0; i--) {
            if (g.lines.get(i) instanceof Entry e && e.key().equals(key)) {
                return Optional.of(SectionReader.singleValue(e));
            }
        }
        return Optional.empty();
    }

    /** A reader over the current state of {@code section}. */
    public SectionReader reader(String section, List<Diagnostic> problems) {
        Group g = find(section);
        if (g == null) {
            return SectionReader.empty(section, origin.file(), problems);
        }
        return new SectionReader(new Section(section, g.position, g.comments, g.lines), problems);
    }

    /** Every entry of a section, for steps that rewrite values in place (dependency translation). */
    public List<Entry> entries(String section) {
        List<Entry> out = new ArrayList<>();
        Group g = find(section);
        if (g != null) {
            for (int i = 0; i < g.lines.size(); i++) {
                if (g.lines.get(i) instanceof Entry e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Replaces every line of {@code key} in {@code section} by one line, kept at the first line's place. */
    public ServiceBuilder replaceAll(String section, String key, String value) {
        Group g = find(section);
        if (g == null) {
            return this;
        }
        List<Line> lines = g.lines;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Entry e && e.key().equals(key)) {
                if (first < 0) {
                    first = i;
                    lines.set(i, e.withValue(value));
                } else {
                    lines.remove(i--);
                }
            }
        }
        return this;
    }

    public UnitFile build() {
        List<Section> sections = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            sections.add(new Section(g.name, g.position, g.comments, g.lines));
        }
        return new UnitFile(fileName, sections);
    }
}
