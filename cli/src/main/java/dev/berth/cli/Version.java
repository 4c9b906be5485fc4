package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** berth's version, from a resource Maven fills in at build time. */
final class Version {
    /** The Quadlet release whose output berth reproduces. */
    static final String QUADLET_COMPATIBILITY = "5.4.2";

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
