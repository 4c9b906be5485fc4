package dev.berth.cli;

import dev.berth.spec.quadlet.QuadletVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** berth's version, from a resource Maven fills in at build time. */
final class Version {
    /** The Quadlet releases whose output berth reproduces: its version targets, and the default. */
    static final String QUADLET_COMPATIBILITY = QuadletVersion.SUPPORTED.get(0) + " to " + QuadletVersion.NEWEST
            + ", by default " + QuadletVersion.NEWEST;

    private Version() {
    }

    /** What {@code berth --version} and {@code berth-generator -version} both print: one line, the same. */
    static String line() {
        return "berth " + get() + " (generates units as Podman Quadlet " + QUADLET_COMPATIBILITY + ")";
    }

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                return "unknown";
            }
            String v = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
