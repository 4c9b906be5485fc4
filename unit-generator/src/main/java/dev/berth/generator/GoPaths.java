package dev.berth.generator;

/**
 * Path arithmetic with the exact results of Go's {@code path/filepath} functions Quadlet uses, so that paths
 * written into units match it byte for byte (for example {@code Dir} of a path with specifiers).
 */
final class GoPaths {

    private GoPaths() {
    }

    /** Go's {@code filepath.Clean}: the shortest equivalent path; {@code "."} for an empty one. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(p);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's {@code filepath.Dir}: everything before the last slash, cleaned. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(path.substring(0, slash + 1));
    }

    /** Go's {@code filepath.IsAbs} on Linux. */
    static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    /**
     * Quadlet's {@code getAbsolutePath}: a relative path joined to the unit file's directory and cleaned; an
     * absolute path, or one starting with a systemd specifier, as written.
     */
    static String absolute(TranslationContext ctx, String path) {
        if (CommonSteps.startsWithSpecifier(path) || isAbs(path)) {
            return path;
        }
        return clean(ctx.unit().directory() + "/" + path);
    }
}
