package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.Words;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
        // Reading each unit's After= and Before= is per unit, so on all cores; the graph is built in order.
        List<Edges> edges = Parallel.map(units, DependencyCycles::edges);
        // Almost every set of units has no cycle: that is decided on arrays of indices first, and only a set with
        // a cycle pays for the graph of names that finds and describes each cycle in the order it reports them.
        if (!hasCycle(units, edges)) {
            return List.of();
        }
        Map<String, GeneratedUnit> byName = new LinkedHashMap<>();
        for (GeneratedUnit u : units) {
            byName.put(u.fileName(), u);
        }
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

    /**
     * Whether the units' ordering has a cycle: a depth-first search over {@code after[i]}, the indices of the
     * units unit i starts after (its own {@code After=}, and the {@code Before=} of others that name it), with
     * the same edges as the graph {@link #find} builds.
     */
    private static boolean hasCycle(List<GeneratedUnit> units, List<Edges> edges) {
        int n = units.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.putIfAbsent(units.get(i).fileName(), i);
        }
        // Edge k: unit from[k] starts after unit to[k].
        int[] from = new int[16];
        int[] to = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            Edges unit = edges.get(i);
            if (unit == null) {
                continue;
            }
            int self = index.get(units.get(i).fileName());
            for (int pass = 0; pass < 2; pass++) {
                for (String other : pass == 0 ? unit.after() : unit.before()) {
                    Integer j = index.get(other);
                    if (j == null || j == self) {
                        continue;
                    }
                    if (count == from.length) {
                        from = Arrays.copyOf(from, count * 2);
                        to = Arrays.copyOf(to, count * 2);
                    }
                    from[count] = pass == 0 ? self : j;
                    to[count] = pass == 0 ? j : self;
                    count++;
                }
            }
        }
        // Each unit's edges, contiguous: edge[start[v]] .. edge[start[v + 1] - 1].
        int[] start = new int[n + 1];
        for (int k = 0; k < count; k++) {
            start[from[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] edge = new int[count];
        int[] fill = Arrays.copyOf(start, n);
        for (int k = 0; k < count; k++) {
            edge[fill[from[k]]++] = to[k];
        }
        byte[] state = new byte[n]; // 0: not seen, 1: on the current path, 2: done
        int[] path = new int[n];
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            if (state[s] != 0) {
                continue;
            }
            int depth = 0;
            path[0] = s;
            next[0] = start[s];
            state[s] = 1;
            while (depth >= 0) {
                int v = path[depth];
                if (next[depth] == start[v + 1]) {
                    state[v] = 2;
                    depth--;
                    continue;
                }
                int w = edge[next[depth]++];
                if (state[w] == 1) {
                    return true;
                }
                if (state[w] == 0) {
                    state[w] = 1;
                    depth++;
                    path[depth] = w;
                    next[depth] = start[w];
                }
            }
        }
        return false;
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
