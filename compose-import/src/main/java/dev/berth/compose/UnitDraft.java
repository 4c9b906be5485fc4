package dev.berth.compose;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.yaml.BerthYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit being assembled, section by section; each entry keeps the position of the Compose node it came from. */
final class UnitDraft {
    final String fileName;
    final UnitKind kind;
    private final String path;
    private final Map<String, List<Line>> sections = new LinkedHashMap<>();

    UnitDraft(String fileName, UnitKind kind, String path) {
        this.fileName = fileName;
        this.kind = kind;
        this.path = path;
        sections.put("Unit", new ArrayList<>());
        sections.put(kind.section(), new ArrayList<>());
    }

    UnitDraft add(String section, String key, String value, Position at) {
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(new Entry(key, value, at, at));
        return this;
    }

    boolean has(String section, String key) {
        return sections.getOrDefault(section, List.of()).stream().anyMatch(l -> l instanceof Entry e && e.key().equals(key));
    }

    boolean hasValue(String section, String key, String value) {
        return sections.getOrDefault(section, List.of()).stream()
                .anyMatch(l -> l instanceof Entry e && e.key().equals(key) && e.value().equals(value));
    }

    void remove(String section, String key) {
        List<Line> lines = sections.get(section);
        if (lines != null) {
            lines.removeIf(l -> l instanceof Entry e && e.key().equals(key));
        }
    }

    BerthYaml.Unit build() {
        List<Section> out = new ArrayList<>();
        // Sections in the order a person writes them: [Unit], the kind's own, [Service], [Install].
        for (String name : List.of("Unit", kind.section(), "Service", "Install")) {
            List<Line> lines = sections.get(name);
            if (lines != null && !lines.isEmpty()) {
                out.add(new Section(name, Position.ofFile(path), lines));
            }
        }
        return new BerthYaml.Unit(fileName, kind, new UnitFile(path, out));
    }
}
