package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;

/** {@code LogDriver=} and {@code LogOpt=}: {@code --log-driver X} (even when empty) and one {@code --log-opt} per word. */
public final class LogOptions {

    private LogOptions() {
    }

    public static void add(SectionReader section, PodmanCommand podman) {
        section.single("LogDriver").ifPresent(d -> podman.add("--log-driver", d));
        podman.addEach("--log-opt", section.words("LogOpt"));
    }
}
