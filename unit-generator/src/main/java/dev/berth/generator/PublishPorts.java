package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;

/**
 * {@code PublishPort=}: one {@code --publish} per value, as written. Quadlet does not check the value, so
 * {@code ${PORT}} stays for systemd to expand; berth does the same.
 */
public final class PublishPorts {

    private PublishPorts() {
    }

    public static void add(SectionReader section, PodmanCommand podman) {
        podman.addEach("--publish", section.list("PublishPort"));
    }
}
