package dev.berth.generator;

import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.quadlet.SectionReader;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** Takes {@code byFileName} over: never changed after construction, and never handed out. */
    private UnitIndex(Map<String, UnitInfo> byFileName) {
        // Not Map.copyOf: a thousand entries are not copied once more, and lookups stay in HashMap code, which the
        // JIT compiler has compiled long before.
        this.byFileName = byFileName;
    }

    public static UnitIndex of(List<SourceUnit> units) {
        return of(units, QuadletVersion.NEWEST);
    }

    /** The index with the names {@code target}'s Quadlet gives. */
    public static UnitIndex of(List<SourceUnit> units, QuadletVersion target) {
        // Each file's names come from its own main section only, so they are worked out on all cores; one reader
        // per file serves the naming rules, which each look up a key or two.
        List<Names> names = Parallel.map(units, u -> names(u, target));
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Names n : names) {
            if (n.memberOf() != null) {
                members.computeIfAbsent(n.memberOf(), p -> new ArrayList<>()).add(n.serviceName() + ".service");
            }
        }
        Map<String, UnitInfo> info = new HashMap<>(units.size() * 2);
        for (int i = 0; i < units.size(); i++) {
            SourceUnit u = units.get(i);
            if (info.containsKey(u.fileName())) {
                continue;
            }
            Names n = names.get(i);
            info.put(u.fileName(), new UnitInfo(n.serviceName(), n.resourceName(),
                    members.getOrDefault(u.fileName(), List.of())));
        }
        return new UnitIndex(info);
    }

    /** One file's names; {@code memberOf} is the pod it joins and starts with, or null. */
    private record Names(String serviceName, Optional<String> resourceName, String memberOf) {
    }

    private static Names names(SourceUnit u, QuadletVersion target) {
        SectionReader main = UnitNames.main(u);
        String serviceName = UnitNames.serviceName(u, main, target);
        return new Names(serviceName, UnitNames.resourceName(u, main, serviceName, target),
                UnitNames.podStartingWith(u, main));
    }

    public Optional<UnitInfo> find(String fileName) {
        return Optional.ofNullable(byFileName.get(fileName));
    }

    /** {@link #find}, null when there is no such file: for the lookups every translation makes. */
    UnitInfo get(String fileName) {
        return byFileName.get(fileName);
    }

    public boolean contains(String fileName) {
        return byFileName.containsKey(fileName);
    }
}
