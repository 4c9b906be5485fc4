package dev.berth.runtime;

import java.util.Set;

/**
 * The choices of one {@code podman container checkpoint}.
 *
 * @param compression    {@code zstd} (podman's default), {@code gzip} or {@code none}
 * @param leaveRunning   the container keeps running after the dump
 * @param tcpEstablished dump established TCP connections (restore them with the same flag)
 * @param fileLocks      dump file locks
 */
public record CheckpointFlags(String compression, boolean leaveRunning, boolean tcpEstablished, boolean fileLocks) {

    public static final Set<String> COMPRESSIONS = Set.of("zstd", "gzip", "none");

    public CheckpointFlags {
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("compression " + compression + " is not one of zstd, gzip, none");
        }
    }

    /** The same choices with the container left running (or not) after the dump. */
    public CheckpointFlags withLeaveRunning(boolean leave) {
        return new CheckpointFlags(compression, leave, tcpEstablished, fileLocks);
    }

    /** The archive's file name suffix. */
    public String suffix() {
        return switch (compression) {
            case "zstd" -> ".tar.zst";
            case "gzip" -> ".tar.gz";
            default -> ".tar";
        };
    }
}
