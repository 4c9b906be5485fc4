package dev.berth.spec.syntax;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .quadlets} file (Podman 5.8's {@code podman quadlet install}): several Quadlet files in one, separated
 * by lines that read {@code ---}, each part naming itself in a {@code # FileName=NAME} comment. The kind, and so
 * the extension, comes from the part's first section that names one ({@code [Container]} gives
 * {@code NAME.container}). Quadlet's generator does not read these files; they are split when installed.
 */
public final class MultiUnitFile {

    /** The extension, without the dot. */
    public static final String EXTENSION = "quadlets";

    /**
     * One part.
     *
     * @param fileName {@code NAME.kind}
     * @param kind the kind its sections name
     * @param firstLine the line of the {@code .quadlets} file the part starts on (1-based)
     * @param text the part's lines, as written
     */
    public record Part(String fileName, UnitKind kind, int firstLine, String text) {

        /** The part parsed as a unit file, positions counted in the {@code .quadlets} file. */
        public ParsedUnitFile parse(String quadletsPath) {
            return UnitFileParser.parse(quadletsPath, text, firstLine);
        }

        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    public record Result(List<Part> parts, List<Diagnostic> diagnostics) {
        public Result {
            parts = List.copyOf(parts);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private MultiUnitFile() {
    }

    public static boolean isMultiUnitFile(String fileName) {
        return fileName.endsWith("." + EXTENSION);
    }

    public static Result split(String path, String content) {
        List<Part> parts = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        String[] lines = content.split("\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].strip().equals("---")) {
                part(path, lines, start, i, names, parts, diagnostics);
                start = i + 1;
            }
        }
        if (parts.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(Position.ofFile(path), "no Quadlet file in this .quadlets file",
                    "write each file as '# FileName=NAME' and its sections, separated by lines that read ---"));
        }
        return new Result(parts, diagnostics);
    }

    private static void part(String path, String[] lines, int from, int to, Map<String, Integer> names,
                             List<Part> parts, List<Diagnostic> diagnostics) {
        int first = from;
        while (first < to && lines[first].isBlank()) {
            first++;
        }
        if (first == to) {
            return; // an empty part, as between two separators
        }
        Position at = new Position(path, first + 1, 1);
        Optional<String> name = Optional.empty();
        Optional<UnitKind> kind = Optional.empty();
        for (int i = first; i < to; i++) {
            String line = lines[i].strip();
            if (name.isEmpty() && line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("FileName=")) {
                    String n = comment.substring("FileName=".length()).strip();
                    Position np = new Position(path, i + 1, 1);
                    if (n.isEmpty()) {
                        diagnostics.add(Diagnostic.error(np, "# FileName= names no file", "write # FileName=NAME"));
                        return;
                    }
                    if (n.contains("/") || n.contains("\\")) {
                        diagnostics.add(Diagnostic.error(np, "FileName=" + n + " contains a path separator",
                                "name the file only, without a directory"));
                        return;
                    }
                    name = Optional.of(n);
                }
            } else if (kind.isEmpty() && line.startsWith("[") && line.endsWith("]")) {
                kind = UnitKind.ofExtension(line.substring(1, line.length() - 1).toLowerCase(Locale.ROOT));
            }
        }
        if (name.isEmpty()) {
            diagnostics.add(Diagnostic.error(at, "this part of the .quadlets file has no '# FileName=NAME' comment",
                    "start the part with # FileName=NAME; the extension comes from its main section"));
            return;
        }
        if (kind.isEmpty()) {
            diagnostics.add(Diagnostic.error(at, "FileName=" + name.get() + " has no section naming its kind",
                    "add its main section, such as [Container], [Volume], [Network], [Pod], [Kube], [Image], "
                            + "[Build] or [Artifact]"));
            return;
        }
        String suffix = "." + kind.get().extension();
        String fileName = name.get().endsWith(suffix) ? name.get() : name.get() + suffix;
        Integer earlier = names.putIfAbsent(fileName, first + 1);
        if (earlier != null) {
            diagnostics.add(Diagnostic.error(at, fileName + " is already defined at line " + earlier,
                    "give each part its own FileName="));
            return;
        }
        int last = to; // without the blank lines before the separator
        while (last > first && lines[last - 1].isBlank()) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i < last; i++) {
            text.append(lines[i]).append('\n');
        }
        parts.add(new Part(fileName, kind.get(), first + 1, text.toString()));
    }
}
