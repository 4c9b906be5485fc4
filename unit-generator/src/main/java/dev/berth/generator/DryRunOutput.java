package dev.berth.generator;

/**
 * Quadlet's {@code -dryrun} standard output: for each unit, {@code ---<name>---}, the unit text, and an empty
 * line. No banner comment: Quadlet adds that only when writing files.
 */
public final class DryRunOutput {

    private DryRunOutput() {
    }

    public static String render(UnitSet set) {
        StringBuilder out = new StringBuilder();
        for (GeneratedUnit u : set.units()) {
            out.append("---").append(u.fileName()).append("---\n").append(u.text()).append('\n');
        }
        return out.toString();
    }
}
