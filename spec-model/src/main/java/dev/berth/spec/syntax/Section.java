package dev.berth.spec.syntax;

import dev.berth.spec.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code [Name]} section with the comments written above its header and its lines in file order.
 *
 * @param leadingComments comments and blank lines between the previous section and this header, minus the
 *     one blank separator line that the printer adds back
 */
public record Section(String name, Position position, List<Comment> leadingComments, List<Line> lines) {

    public Section {
        leadingComments = List.copyOf(leadingComments);
        lines = List.copyOf(lines);
    }

    public Section(String name, Position position, List<Line> lines) {
        this(name, position, List.of(), lines);
    }

    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) { // indexed: C1 allocates an iterator for a for-each
            if (lines.get(i) instanceof Entry e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every assignment of {@code key}, in order, without the empty-assignment reset applied. */
    public List<Entry> entries(String key) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Entry e && e.key().equals(key)) {
                out.add(e);
            }
        }
        return out;
    }

    public Optional<Entry> last(String key) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) instanceof Entry e && e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public boolean has(String key) {
        return last(key).isPresent();
    }

    public Section withName(String newName) {
        return new Section(newName, position, leadingComments, lines);
    }

    public Section withLines(List<Line> newLines) {
        return new Section(name, position, leadingComments, newLines);
    }

    /** This section followed by {@code other}'s comments and lines, the way repeated sections and drop-ins merge. */
    public Section mergedWith(Section other) {
        List<Comment> comments = new ArrayList<>(leadingComments);
        comments.addAll(other.leadingComments);
        List<Line> merged = new ArrayList<>(lines);
        merged.addAll(other.lines);
        return new Section(name, position, comments, merged);
    }
}
