package dev.berth.checkpoint;

import dev.berth.systemd.UnitState;

/** A checkpoint that was taken: the archive in the store and the unit's state afterwards. */
public record CheckpointResult(Archive archive, UnitState after) {
}
