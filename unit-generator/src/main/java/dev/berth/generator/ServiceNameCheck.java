package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.Entry;
import java.util.Optional;

/**
 * A service name must be a unit name systemd accepts, and above all a plain file name: {@code ServiceName=../x}
 * would otherwise make the generator write outside its output directory.
 */
final class ServiceNameCheck {

    /** systemd's limit for a unit name, suffix included. */
    private static final int MAX_UNIT_NAME = 255;

    private ServiceNameCheck() {
    }

    static Optional<Diagnostic> check(SourceUnit source, UnitInfo info) {
        String name = info.serviceName();
        // The plain check first: the one that explains a bad name is only run for a bad name (and so, for most
        // sets, never compiled).
        if (isPlainUnitName(name)) {
            return Optional.empty();
        }
        String problem = problem(name);
        if (problem == null) {
            return Optional.empty();
        }
        Position at = source.file().section(source.kind().section())
                .flatMap(s -> s.last("ServiceName"))
                .map(Entry::valuePosition)
                .orElse(Position.ofFile(source.path()));
        return Optional.of(Diagnostic.error(at, "the service name '" + name + "' " + problem,
                "set ServiceName= to a name made of letters, digits and the characters : - _ . @ \\"));
    }

    /** Whether {@link #problem} finds nothing: an empty name, or a short one of allowed characters with one '@'. */
    private static boolean isPlainUnitName(String name) {
        if (name.length() + ".service".length() > MAX_UNIT_NAME) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '@') {
                at++;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '-' || c == '_' || c == '.' || c == '\\')) {
                return false;
            }
        }
        return at <= 1;
    }

    private static String problem(String name) {
        if (name.isEmpty()) {
            // The translators report an empty ServiceName= with a message of their own.
            return null;
        }
        if (name.contains("/")) {
            return "contains '/'; a unit name is a plain file name";
        }
        if (name.length() + ".service".length() > MAX_UNIT_NAME) {
            return "is longer than systemd allows (" + MAX_UNIT_NAME + " characters with .service)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '-' || c == '_' || c == '.' || c == '@' || c == '\\';
            if (!ok) {
                return "contains '" + c + "', which systemd does not allow in unit names";
            }
        }
        if (name.indexOf('@') != name.lastIndexOf('@')) {
            return "contains more than one '@'";
        }
        return null;
    }
}
