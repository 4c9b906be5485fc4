package dev.berth.generator.corpus;

import dev.berth.spec.quadlet.QuadletVersion;

/**
 * The two live references the corpus is recorded from and compared with, each with the berth target that must
 * match it: Quadlet 5.4.2 (Debian 13) under target 5.4, and Quadlet 5.8.6 (Debian unstable) under the default
 * target. Each has its own goldens, verdict, deviation and reviewed snapshot in the case directory.
 *
 * @param label the reference's version, for reports
 * @param prefix the goldens' file prefix ({@code reference} gives {@code reference.stdout}) and the verdict's
 *     property name
 * @param deviationProperty the property naming a documented deviation from this reference
 * @param snapshot the file holding berth's reviewed output where it deviates from this reference
 * @param target the berth target compared with this reference
 * @param latest whether quadlet-reference.sh runs it with {@code --latest}
 */
public record ReferenceVersion(String label, String prefix, String deviationProperty, String snapshot,
                               QuadletVersion target, boolean latest) {

    /** Quadlet 5.4.2, under target 5.4. */
    public static final ReferenceVersion V5_4 = new ReferenceVersion("5.4.2", "reference", "deviation",
            "berth.expected", new QuadletVersion(5, 4), false);
    /** Quadlet 5.8.6, under the default target (the newest). */
    public static final ReferenceVersion V5_8 = new ReferenceVersion("5.8.6", "reference-5.8", "deviation-5.8",
            "berth-5.8.expected", QuadletVersion.NEWEST, true);

    /** The property marking a case about keys newer than this reference ({@code newer-than-reference[-5.8]}). */
    public String newerProperty() {
        return prefix.equals("reference") ? "newer-than-reference" : "newer-than-" + prefix;
    }
}
