package dev.berth.checkpoint;

import dev.berth.systemd.UnitState;
import java.util.Optional;

/**
 * How a {@code berth restore} ended: the container restored from the archive, or (with {@code --fallback
 * cold}) started fresh, with the reason.
 */
public record RestoreResult(Archive archive, boolean restored, Optional<String> coldReason, UnitState after) {
}
