package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file the reference failed on, read from its stderr. Quadlet 5.4.2 reports conversion errors as
 * {@code converting "<file name>": <message>} and parse errors as {@code error loading "<path>", <message>} (the
 * path of the unit or drop-in file); errors are gathered and printed at the end, several per log record, so the
 * patterns are looked for anywhere in a line.
 *
 * @param file a bare file name (conversion errors) or an absolute path (load errors)
 */
public record ReferenceFailure(String file, String message) {

    private static final Pattern CONVERTING = Pattern.compile("converting \"([^\"]+)\": (.*)$");
    private static final Pattern LOADING = Pattern.compile("error loading \"([^\"]+)\", (.*)$");

    /**
     * Messages about something missing from the file, which therefore has no line to point at. Every other
     * reference error is about a line that is there, and berth must point at it.
     */
    private static final Pattern NO_LINE = Pattern.compile(
            "no \\w+( or \\w+)? key specified|is mandatory|neither SetWorkingDirectory|internal error");

    public static List<ReferenceFailure> parse(String stderr) {
        Set<ReferenceFailure> out = new LinkedHashSet<>();
        for (String line : stderr.split("\n")) {
            Matcher c = CONVERTING.matcher(line);
            if (c.find()) {
                out.add(new ReferenceFailure(c.group(1), c.group(2)));
                continue;
            }
            Matcher l = LOADING.matcher(line);
            if (l.find()) {
                out.add(new ReferenceFailure(l.group(1), l.group(2)));
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether the reference died of a Go panic instead of reporting an error. */
    public static boolean crashed(String stderr) {
        return stderr.lines().anyMatch(l -> l.startsWith("panic: "));
    }

    public static String panicMessage(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("panic: ")).findFirst().orElse("panic").trim();
    }

    public boolean isPath() {
        return file.startsWith("/");
    }

    /** The file's own name, without directories. */
    public String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    /** Whether berth's diagnostic for this failure must carry a line number. */
    public boolean hasLine() {
        return !NO_LINE.matcher(message).find();
    }

    /**
     * Whether a diagnostic positioned in {@code diagnosticFile} is about this failure: the same file, or (for a
     * conversion error) one of the drop-ins that apply to the failed unit, since the offending key may come from one.
     */
    public boolean concerns(String diagnosticFile) {
        if (isPath()) {
            return diagnosticFile.equals(file);
        }
        String name = baseName(diagnosticFile);
        if (name.equals(file)) {
            return true;
        }
        return name.endsWith(".conf") && DropIns.appliesTo(parentName(diagnosticFile), file);
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String parentName(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : baseName(path.substring(0, slash));
    }
}
