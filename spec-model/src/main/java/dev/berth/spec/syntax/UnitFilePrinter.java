package dev.berth.spec.syntax;

import java.util.List;

/**
 * Writes a {@link UnitFile} back as text: comments above each header, {@code [Name]}, then {@code key=value}
 * lines, and one blank line between sections. For a file already in this canonical form,
 * {@code print(parse(x))} is {@code x}.
 */
public final class UnitFilePrinter {

    private UnitFilePrinter() {
    }

    public static String print(UnitFile file) {
        StringBuilder out = new StringBuilder(1024);
        print(file, out);
        return out.toString();
    }

    /** {@link #print(UnitFile)} appended to {@code out}, for callers that print many units into one text. */
    public static void print(UnitFile file, StringBuilder out) {
        // Indexed loops: every unit of a large set is printed, mostly by C1-compiled code, which would allocate an
        // iterator for every for-each.
        List<Section> sections = file.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (i > 0) {
                out.append('\n');
            }
            List<Comment> comments = s.leadingComments();
            for (int k = 0; k < comments.size(); k++) {
                out.append(comments.get(k).text()).append('\n');
            }
            if (s.name().isEmpty()) {
                // The nameless section of a generated unit whose source had no section: only its comments print.
                continue;
            }
            out.append('[').append(s.name()).append("]\n");
            List<Line> lines = s.lines();
            for (int k = 0; k < lines.size(); k++) {
                Line l = lines.get(k);
                // Not a pattern switch: its bootstrap spins a class at run time that the AOT cache cannot keep,
                // which costs the generator milliseconds at every start.
                if (l instanceof Entry e) {
                    out.append(e.key()).append('=').append(e.value()).append('\n');
                } else if (l instanceof Comment c) {
                    out.append(c.text()).append('\n');
                }
            }
        }
        if (file.sections().isEmpty()) {
            for (Comment c : file.trailingComments()) {
                out.append(c.text()).append('\n');
            }
        }
    }
}
