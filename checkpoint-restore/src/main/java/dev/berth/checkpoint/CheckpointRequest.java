package dev.berth.checkpoint;

import dev.berth.runtime.CheckpointFlags;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code berth checkpoint}.
 *
 * @param flags  podman's choices (compression, leave running, TCP, file locks)
 * @param export a copy of the archive to write there as well (0600, temporary name, renamed)
 * @param by     what asks: {@code berth checkpoint}, {@code berth migrate}
 */
public record CheckpointRequest(CheckpointFlags flags, Optional<Path> export, String by) {
}
