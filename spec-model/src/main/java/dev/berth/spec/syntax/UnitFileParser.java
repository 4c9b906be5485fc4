package dev.berth.spec.syntax;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads systemd unit-file syntax (systemd.syntax(7)) into a {@link UnitFile} with a position for every
 * section, key and value.
 *
 * <p>Rules, and where they differ from Quadlet's own parser (see docs/compatibility.md):
 * <ul>
 *   <li>Lines are trimmed; {@code #} and {@code ;} start comments; blank lines are kept as comments.</li>
 *   <li>A line whose last character is an unescaped backslash continues on the next non-comment line. Like
 *       systemd, the backslash becomes a word break: {@code a\} + {@code b} reads {@code a b} (Quadlet glues
 *       them into {@code ab}). A continuation still pending at the end of the file keeps its text and gets a
 *       warning (Quadlet silently drops it when only comments follow).</li>
 *   <li>Specifiers ({@code %n}, {@code %i}, ...) and {@code $VARS} are left verbatim for systemd.</li>
 *   <li>Every malformed line is reported, not just the first, and the file is never half-read silently.</li>
 * </ul>
 */
public final class UnitFileParser {

    private UnitFileParser() {
    }

    public static ParsedUnitFile parse(String path, byte[] content) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text = decode(path, content, diagnostics);
        if (text == null) {
            return new ParsedUnitFile(new UnitFile(path, List.of()), diagnostics);
        }
        return parse(path, text, diagnostics);
    }

    public static ParsedUnitFile parse(String path, String text) {
        return parse(path, text, new ArrayList<>());
    }

    /**
     * {@link #parse(String, String)} of text that starts on line {@code firstLine} of the file at {@code path}
     * (a part of a {@code .quadlets} file), so positions name that file's lines.
     */
    public static ParsedUnitFile parse(String path, String text, int firstLine) {
        if (firstLine == 1) {
            return parse(path, text);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        return new Reader(path, diagnostics, firstLine).read(text);
    }

    private static ParsedUnitFile parse(String path, String text, List<Diagnostic> diagnostics) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            diagnostics.add(Diagnostic.error(positionOfOffset(path, text, nul),
                    "file contains a NUL byte; this is not a text unit file",
                    "check that the file is not binary or truncated"));
            return new ParsedUnitFile(new UnitFile(path, List.of()), diagnostics);
        }
        return new Reader(path, diagnostics).read(text);
    }

    private static String decode(String path, byte[] content, List<Diagnostic> diagnostics) {
        // The fast way first: String replaces every invalid sequence with U+FFFD, so a result without one is
        // exactly what the strict decoder below returns. Only a file with U+FFFD (valid or not) takes the long way.
        String quick = new String(content, StandardCharsets.UTF_8);
        if (quick.indexOf('\uFFFD') < 0) {
            return quick;
        }
        return decodeStrictly(path, content, diagnostics);
    }

    /**
     * {@link #decode} of a file with U+FFFD, valid or not. Rare paths such as this one are kept out of the methods
     * every file runs, which the JIT compiler then compiles smaller.
     */
    private static String decodeStrictly(String path, byte[] content, List<Diagnostic> diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(content);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (content[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(content, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            diagnostics.add(Diagnostic.error(new Position(path, line, column),
                    String.format("invalid UTF-8 (byte 0x%02x); unit files must be UTF-8 text", content[bad] & 0xff),
                    "re-save the file as UTF-8, or remove the binary data"));
            return null;
        }
    }

    /** The offset of the first byte that is not part of a valid UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                len = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + len > b.length) {
                return i;
            }
            int cp = c & (0xff >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return i;
            }
            i += len;
        }
        return b.length;
    }

    static Position positionOfOffset(String path, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(path, line, text.codePointCount(lineStart, offset) + 1);
    }

    /** Parsing state for one file; confined to one call. */
    private static final class Reader {
        private final String path;
        private final List<Diagnostic> diagnostics;
        private final List<Section> sections = new ArrayList<>();
        private final List<Comment> pendingComments = new ArrayList<>();
        private String sectionName;
        private Position sectionPosition;
        private List<Comment> sectionComments;
        private List<Line> sectionLines;

        private final int firstLine;

        Reader(String path, List<Diagnostic> diagnostics) {
            this(path, diagnostics, 1);
        }

        Reader(String path, List<Diagnostic> diagnostics, int firstLine) {
            this.path = path;
            this.diagnostics = diagnostics;
            this.firstLine = firstLine;
        }

        ParsedUnitFile read(String text) {
            // The physical lines are cut from the text one by one, not split into an array of them first (nor is the
            // text copied to drop its final newline): every file is read at every boot.
            int end = text.endsWith("\n") ? text.length() - 1 : text.length();
            StringBuilder continued = null;
            Position continuedAt = null;
            String continuedRaw = null;
            int start = 0;
            for (int i = 0; start <= end; i++) {
                int newline = text.indexOf('\n', start);
                if (newline < 0 || newline > end) {
                    newline = end;
                }
                String raw = text.substring(start, newline);
                start = newline + 1;
                String line = raw.strip();
                int indent = leadingBlankCodePoints(raw);
                Position at = new Position(path, i + firstLine, indent + 1);
                if (isComment(line)) {
                    if (continued == null) {
                        pendingComments.add(new Comment(line, at));
                    }
                    // Comment lines inside a continuation are skipped, as systemd does.
                    continue;
                }
                boolean continues = endsWithUnescapedBackslash(line);
                if (!continues && continued == null) {
                    logicalLine(line, at, raw); // the usual one-line assignment: no joining needed
                    continue;
                }
                String content = continues ? line.substring(0, line.length() - 1) : line;
                if (continued != null) {
                    continued.append(content);
                } else {
                    continued = new StringBuilder(content);
                    continuedAt = at;
                    continuedRaw = raw;
                }
                if (continues) {
                    // systemd turns the backslash into a word break; one blank is enough to keep words apart.
                    if (continued.length() > 0 && !Character.isWhitespace(continued.charAt(continued.length() - 1))) {
                        continued.append(' ');
                    }
                    continue;
                }
                logicalLine(continued.toString(), continuedAt, continuedRaw);
                continued = null;
            }
            if (continued != null) {
                unfinishedContinuation(continued, continuedAt, continuedRaw);
            }
            closeSection();
            List<Comment> trailing = List.of();
            if (!pendingComments.isEmpty()) {
                if (sections.isEmpty()) {
                    trailing = List.copyOf(pendingComments);
                } else {
                    Section last = sections.remove(sections.size() - 1);
                    List<Line> lines = new ArrayList<>(last.lines());
                    lines.addAll(pendingComments);
                    sections.add(last.withLines(lines));
                }
            }
            return new ParsedUnitFile(new UnitFile(path, sections, trailing), diagnostics);
        }

        private void unfinishedContinuation(StringBuilder continued, Position at, String rawFirstLine) {
            diagnostics.add(Diagnostic.warning(at,
                    "line continuation ('\\' at the end of the line) is not followed by another line",
                    "remove the trailing backslash, or add the missing line"));
            logicalLine(continued.toString().stripTrailing(), at, rawFirstLine);
        }

        private void logicalLine(String line, Position at, String rawFirstLine) {
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end >= 0 && onlyBlanks(line, end + 1)) {
                    header(line.substring(1, end), at);
                    return;
                }
                if (end < 0) {
                    unclosedHeader(line, at);
                    return;
                }
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                entry(line, eq, at, rawFirstLine);
                return;
            }
            badLine(line, at, eq);
        }

        private void unclosedHeader(String line, Position at) {
            diagnostics.add(Diagnostic.error(at, "section header is missing its closing ']'",
                    "write it as [" + line.substring(1).strip() + "]"));
        }

        /** A line that is neither a header nor an assignment (comments never get here). */
        private void badLine(String line, Position at, int eq) {
            if (eq == 0) {
                diagnostics.add(Diagnostic.error(at, "assignment has no key name before '='",
                        "write it as Key=value"));
                return;
            }
            diagnostics.add(Diagnostic.error(at,
                    "line is not a section header, a Key=value assignment or a comment: \"" + shorten(line) + "\"",
                    "add '=' between the key and its value, or start the line with '#' to make it a comment"));
        }

        private void header(String name, Position at) {
            if (name.isEmpty() || name.contains("[") || hasControlCharacter(name)) {
                invalidSectionName(name, at);
                return;
            }
            closeSection();
            List<Comment> comments = new ArrayList<>(pendingComments);
            // One blank line before a header is the separator the printer puts back.
            if (!comments.isEmpty() && comments.get(0).isBlank()) {
                comments.remove(0);
            }
            pendingComments.clear();
            sectionName = name;
            sectionPosition = at;
            sectionComments = comments;
            sectionLines = new ArrayList<>();
        }

        private void invalidSectionName(String name, Position at) {
            diagnostics.add(Diagnostic.error(at, "invalid section name \"" + shorten(name) + "\"",
                    "section names are words such as [Container], [Unit] or [Service]"));
        }

        private void entry(String line, int eq, Position at, String rawFirstLine) {
            if (sectionName == null) {
                outsideSection(line, at);
                return;
            }
            String key = line.substring(0, eq).stripTrailing();
            int valueStart = eq + 1;
            while (valueStart < line.length() && Character.isWhitespace(line.charAt(valueStart))) {
                valueStart++;
            }
            String value = line.substring(valueStart);
            Position valueAt = at.atColumn(at.column() + line.codePointCount(0, valueStart));
            if (!pendingComments.isEmpty()) {
                sectionLines.addAll(pendingComments);
                pendingComments.clear();
            }
            sectionLines.add(new Entry(key, value, at, valueAt));
        }

        private void outsideSection(String line, Position at) {
            diagnostics.add(Diagnostic.error(at, "assignment \"" + shorten(line) + "\" is outside of any section",
                    "put a section header such as [Container] above it"));
        }

        private void closeSection() {
            if (sectionName != null) {
                sections.add(new Section(sectionName, sectionPosition, sectionComments, sectionLines));
                sectionName = null;
            }
        }
    }

    /** Whether a code point of {@code s} is an ISO control character (a char loop: they are all below U+00A0). */
    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isComment(String strippedLine) {
        return strippedLine.isEmpty() || strippedLine.charAt(0) == '#' || strippedLine.charAt(0) == ';';
    }

    /** True when the line ends in a backslash that is not itself escaped ({@code \\} at the end is a literal). */
    static boolean endsWithUnescapedBackslash(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static boolean onlyBlanks(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int leadingBlankCodePoints(String raw) {
        int n = 0;
        for (int i = 0; i < raw.length() && Character.isWhitespace(raw.charAt(i)); i++) {
            n++;
        }
        return n;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
