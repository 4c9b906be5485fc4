package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.Words;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds ordering cycles among the generated units ({@code a.container} uses {@code Network=b.container} and
 * {@code b.container} uses {@code Network=a.container}, or {@code [Unit] After=} loops). systemd would break such a
 * cycle at start-up by dropping a job it picks, so a container silently does not start; berth reports it instead.
 */
final class DependencyCycles {

    private DependencyCycles() {
    }

    /** One error per unit on a cycle, at the line that orders it after the next unit of the cycle. */
    static List<Diagnostic> find(List<GeneratedUnit> units) {
        Map<String, GeneratedUnit> byName = new LinkedHashMap<>();
        for (GeneratedUnit u : units) {
            byName.put(u.fileName(), u);
        }
        // Reading each unit's After= and Before= is per unit, so on all cores; the graph is built in order.
        List<Edges> edges = Parallel.map(units, DependencyCycles::edges);
        Map<String, Set<String>> after = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            GeneratedUnit u = units.get(i);
            after.putIfAbsent(u.fileName(), new LinkedHashSet<>());
            Edges unit = edges.get(i);
            if (unit == null) {
                continue;
            }
            for (String other : unit.after()) {
                if (byName.containsKey(other) && !other.equals(u.fileName())) {
                    after.get(u.fileName()).add(other);
                }
            }
            for (String other : unit.before()) {
                if (byName.containsKey(other) && !other.equals(u.fileName())) {
                    after.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(u.fileName());
                }
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (List<String> cycle : stronglyConnected(after)) {
            if (cycle.size() < 2) {
                continue;
            }
            String description = String.join(" → ", cycle) + " → " + cycle.get(0);
            for (int i = 0; i < cycle.size(); i++) {
                GeneratedUnit u = byName.get(cycle.get(i));
                GeneratedUnit next = byName.get(cycle.get((i + 1) % cycle.size()));
                out.add(Diagnostic.error(positionOfReference(u.source(), next),
                        "dependency cycle: " + description + "; systemd would drop one of these jobs at start-up",
                        "remove one of the references, or order the units one way only"));
            }
        }
        return out;
    }

    /** The names a unit's {@code [Unit]} orders it after and before; null without a {@code [Unit]} section. */
    private record Edges(List<String> after, List<String> before) {
    }

    private static Edges edges(GeneratedUnit u) {
        Section unit = u.unit().section("Unit").orElse(null);
        return unit == null ? null : new Edges(names(unit, "After"), names(unit, "Before"));
    }

    private static List<String> names(Section s, String key) {
        List<String> out = new ArrayList<>();
        for (Entry e : s.entries(key)) {
            if (e.isEmptyAssignment()) {
                out.clear();
            } else {
                out.addAll(Words.split(e.value(), Words.Style.LIST).words());
            }
        }
        return out;
    }

    /** The source line that names {@code target}'s file or service, or the file itself when none does. */
    private static Position positionOfReference(SourceUnit source, GeneratedUnit target) {
        String file = target.source().fileName();
        String service = target.fileName();
        for (Section s : source.file().sections()) {
            for (Entry e : s.entries()) {
                if (e.value().contains(file) || e.value().contains(service)) {
                    return e.valuePosition();
                }
            }
        }
        return Position.ofFile(source.path());
    }

    /** Tarjan's algorithm, iterative so a long chain of units cannot overflow the stack. */
    private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<List<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start, new ArrayList<>(graph.getOrDefault(start, Set.of())).iterator()});
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, new ArrayList<>(graph.getOrDefault(w, Set.of())).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    java.util.Collections.reverse(component);
                    result.add(component);
                }
            }
        }
        return result;
    }
}
