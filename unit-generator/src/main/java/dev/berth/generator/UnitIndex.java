package dev.berth.generator;

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
        Map<String, List<String>> members = UnitNames.podMembers(units);
        for (SourceUnit u : units) {
            info.putIfAbsent(u.fileName(), new UnitInfo(UnitNames.serviceName(u), UnitNames.resourceName(u),
                    members.getOrDefault(u.fileName(), new ArrayList<>())));
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
