package dev.berth.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors of docs/compatibility.md a case can name in {@code deviation=}: each heading's slug, as Markdown
 * renderers make it (lower case, punctuation dropped, spaces to {@code -}), and explicit {@code {#id}} or
 * {@code <a id="id">} anchors.
 */
public final class DeviationAnchors {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXPLICIT = Pattern.compile("\\{#([^}\\s]+)}|<a\\s+(?:id|name)=\"([^\"]+)\"");

    private DeviationAnchors() {
    }

    /** The anchors of the file, empty when it does not exist. */
    public static Set<String> of(Path markdown) {
        if (!Files.isRegularFile(markdown)) {
            return Set.of();
        }
        try {
            return parse(Files.readString(markdown, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> parse(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : markdown.split("\n")) {
            Matcher explicit = EXPLICIT.matcher(line);
            while (explicit.find()) {
                out.add(explicit.group(1) != null ? explicit.group(1) : explicit.group(2));
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                out.add(slug(h.group(1).replaceAll("\\{#[^}]*}", "").trim()));
            }
        }
        return out;
    }

    static String slug(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT).replace("`", "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
