package dev.berth.generator;

import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;

/** Generated units made from text, so writer and link tests do not depend on the translators. */
final class TestUnits {
    private TestUnits() {
    }

    static GeneratedUnit unit(String serviceFileName, String text) {
        UnitFile file = UnitFileParser.parse("/src/" + serviceFileName, text).file();
        String sourceName = serviceFileName.replace(".service", ".container");
        SourceUnit source = new SourceUnit(sourceName, "/src/" + sourceName, "/src", UnitKind.CONTAINER, file);
        return new GeneratedUnit(serviceFileName, source, file);
    }
}
