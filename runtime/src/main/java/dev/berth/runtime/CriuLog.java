package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why CRIU refused: podman's error names CRIU's log ({@code dump.log}, {@code restore.log}); its {@code Error}
 * lines say what could not be dumped or restored ("Connected TCP socket, consider using --tcp-established").
 */
public final class CriuLog {

    private static final Pattern LOG = Pattern.compile("(/[^\\s\"']+/(?:dump|restore)\\.log)");

    private CriuLog() {
    }

    /** podman's last error line, followed by the first Error lines of the CRIU log it names, if readable. */
    public static String explain(ProcessResult r) {
        String message = r.lastErrorLine();
        Matcher m = LOG.matcher(r.stderr());
        if (!m.find()) {
            return message;
        }
        Path log = Path.of(m.group(1));
        try {
            List<String> errors = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Error (") || l.contains("Error:"))
                    .map(String::strip).limit(3).toList();
            return errors.isEmpty() ? message : message + "\nCRIU (" + log + "): " + String.join("\n  ", errors);
        } catch (IOException e) {
            return message;
        }
    }
}
