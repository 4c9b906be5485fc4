package dev.berth.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names of the drop-in directories of one Quadlet file, most specific first. For
 * {@code web-app@blue.container}: {@code web-app@blue.container.d}, {@code web-app@.container.d},
 * {@code web-@.container.d}, {@code web-.container.d}, {@code container.d}. The unit name is truncated at each
 * {@code -}; the instance part never is.
 */
public final class DropInPaths {

    private DropInPaths() {
    }

    public static List<String> of(String fileName) {
        String ext = FileNames.extension(fileName);
        String base = fileName.substring(0, fileName.length() - ext.length());
        int at = base.indexOf('@');
        String unitName = at < 0 ? base : base.substring(0, at);
        String instance = at < 0 ? "" : base.substring(at + 1);
        boolean template = at >= 0;
        String dropInExt = ext + ".d";

        List<String> broadFirst = new ArrayList<>();
        broadFirst.add(dropInExt.startsWith(".") ? dropInExt.substring(1) : dropInExt);
        String[] parts = unitName.split("-", -1);
        for (int i = 0; i < parts.length - 1; i++) {
            String prefix = String.join("-", java.util.Arrays.asList(parts).subList(0, i + 1)) + "-";
            broadFirst.add(prefix + dropInExt);
            if (template) {
                broadFirst.add(prefix + "@" + dropInExt);
            }
        }
        if (!instance.isEmpty()) {
            broadFirst.add(unitName + "@" + dropInExt);
        }
        broadFirst.add(fileName + ".d");
        Collections.reverse(broadFirst);
        return List.copyOf(broadFirst);
    }
}
