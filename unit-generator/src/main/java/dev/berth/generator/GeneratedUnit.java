package dev.berth.generator;

import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFilePrinter;

/** One generated systemd unit and the Quadlet file it came from. */
public record GeneratedUnit(String fileName, SourceUnit source, UnitFile unit) {

    /** The unit's text, exactly as written to disk (without the generator banner). */
    public String text() {
        return UnitFilePrinter.print(unit);
    }

    /** {@link #text()} appended to {@code out}. */
    public void appendText(StringBuilder out) {
        UnitFilePrinter.print(unit, out);
    }
}
