package dev.berth.systemd;

/**
 * One row of {@code ListUnitsByPatterns}: enough to list units without a call per unit.
 *
 * @param name        unit name
 * @param description Description=
 * @param loadState   "loaded", "not-found", ...
 * @param activeState "active", "failed", ...
 * @param subState    "running", "exited", ...
 * @param objectPath  the unit's D-Bus object path, for later property reads
 */
public record UnitSummary(String name, String description, String loadState, String activeState, String subState,
                          String objectPath) {
}
