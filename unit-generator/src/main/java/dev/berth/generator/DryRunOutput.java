package dev.berth.generator;

/**
 * Quadlet's {@code -dryrun} standard output: for each unit, {@code ---<name>---}, the unit text, and an empty
 * line. No banner comment: Quadlet adds that only when writing files.
 */
public final class DryRunOutput {

    private DryRunOutput() {
    }

    public static String render(UnitSet set) {
        // One builder for the whole output: printing each unit into a string of its own and copying it would
        // double the work for a large set.
        StringBuilder out = new StringBuilder(2048 * set.units().size());
        for (GeneratedUnit u : set.units()) {
            out.append("---").append(u.fileName()).append("---\n");
            u.appendText(out);
            out.append('\n');
        }
        return out.toString();
    }
}
