package dev.berth.spec.quadlet;

/** Compares dotted Podman versions such as {@code 4.4} and {@code 5.4.2}. */
public final class PodmanVersion {

    /** The Quadlet that berth's output is checked against. */
    public static final String REFERENCE = "5.4.2";

    private PodmanVersion() {
    }

    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}
