package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file's {@link UnitInfo}, by file name. Built once, in one pass, before translation, so translations
 * do not depend on each other's order (Quadlet fills names in while it converts, which makes a reference to a
 * file that failed silently empty).
 */
public final class UnitIndex {
    private final Map<String, UnitInfo> byFileName;

    private UnitIndex(Map<String, UnitInfo> byFileName) {
        this.byFileName = Map.copyOf(byFileName);
    }

    public static UnitIndex of(List<SourceUnit> units) {
        Map<String, UnitInfo> info = new LinkedHashMap<>();
        // One reader per file's main section, shared by the naming rules that each look up a key or two in it.
        List<SectionReader> mains = new ArrayList<>(units.size());
        for (SourceUnit u : units) {
            mains.add(UnitNames.main(u));
        }
        Map<String, List<String>> members = UnitNames.podMembers(units, mains);
        for (int i = 0; i < units.size(); i++) {
            SourceUnit u = units.get(i);
            if (info.containsKey(u.fileName())) {
                continue;
            }
            info.put(u.fileName(), new UnitInfo(UnitNames.serviceName(u, mains.get(i)),
                    UnitNames.resourceName(u, mains.get(i)), members.getOrDefault(u.fileName(), List.of())));
        }
        return new UnitIndex(info);
    }

    public Optional<UnitInfo> find(String fileName) {
        return Optional.ofNullable(byFileName.get(fileName));
    }

    public boolean contains(String fileName) {
        return byFileName.containsKey(fileName);
    }
}
