package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;

/** {@code PodmanArgs=}: extra arguments, split like a command line, added just before the command's operand. */
public final class PodmanArgs {

    private PodmanArgs() {
    }

    public static void add(SectionReader section, PodmanCommand podman) {
        podman.addAll(section.args("PodmanArgs"));
    }
}
