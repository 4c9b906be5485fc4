package dev.berth.generator.corpus;

/**
 * Which drop-in directories apply to a unit file, as Quadlet looks them up: {@code <file>.d}, the template's
 * {@code <prefix>@.<ext>.d}, the names truncated at each {@code -} of the unit part ({@code foo-.container.d}), and
 * the top-level {@code <ext>.d}.
 */
final class DropIns {

    private DropIns() {
    }

    static boolean appliesTo(String dropInDir, String unitFile) {
        if (!dropInDir.endsWith(".d")) {
            return false;
        }
        String dir = dropInDir.substring(0, dropInDir.length() - 2);
        int dot = unitFile.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String ext = unitFile.substring(dot + 1);
        String base = unitFile.substring(0, dot);
        if (dir.equals(unitFile) || dir.equals(ext)) {
            return true;
        }
        if (!dir.endsWith("." + ext)) {
            return false;
        }
        String dirBase = dir.substring(0, dir.length() - ext.length() - 1);
        int at = base.indexOf('@');
        String unitPart = at < 0 ? base : base.substring(0, at);
        if (at >= 0 && dirBase.equals(unitPart + "@")) {
            return true;
        }
        // Truncations at each '-': "a-b-c" gives "a-b-" and "a-", also with '@' for template instances.
        for (int i = unitPart.length() - 1; i > 0; i--) {
            if (unitPart.charAt(i - 1) != '-') {
                continue;
            }
            String truncated = unitPart.substring(0, i);
            if (dirBase.equals(truncated) || at >= 0 && dirBase.equals(truncated + "@")) {
                return true;
            }
        }
        return false;
    }
}
