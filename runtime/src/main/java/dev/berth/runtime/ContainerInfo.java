package dev.berth.runtime;

/**
 * What berth reads of {@code podman container inspect}.
 *
 * @param id        the full container ID
 * @param name      its name
 * @param status    {@code running}, {@code exited}, ...
 * @param imageName the image as the container was created from it ({@code localhost/busybox:latest})
 * @param imageId   the image's ID
 * @param conmonPid conmon's PID, 0 when not running
 * @param pid       the payload's PID in the host's view, 0 when not running
 */
public record ContainerInfo(String id, String name, String status, String imageName, String imageId, long conmonPid,
                            long pid) {

    public boolean running() {
        return "running".equals(status);
    }
}
