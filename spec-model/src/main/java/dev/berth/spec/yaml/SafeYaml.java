package dev.berth.spec.yaml;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML document into {@link YamlNode}s, safely: a size limit before parsing, a nesting limit and an
 * alias-expansion budget checked on SnakeYAML Engine's event stream (so a hostile document is refused before it
 * is built, not after), duplicate keys refused, and every problem reported at the {@code file:line:col} of the
 * node. Merge keys ({@code <<: *base}, common in Compose files) are applied; explicit keys win over merged ones.
 *
 * <p>The tree is built from events, not with SnakeYAML's composer, because the composer would expand what the
 * limits are there to stop and reports duplicate keys without the first occurrence.
 */
public final class SafeYaml {

    private SafeYaml() {
    }

    /** The document's root node (empty for an empty document or after an error) and every problem found. */
    public record Result(Optional<YamlNode> root, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    public static Result read(String path, byte[] content, YamlLimits limits) {
        if (content.length > limits.maxBytes()) {
            return failed(Position.ofFile(path), "the file has " + content.length + " bytes, more than the "
                    + limits.maxBytes() + " a YAML file may have", "split it into several files");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return failed(Position.ofFile(path), "the file is not valid UTF-8", "save it as UTF-8");
        }
        return read(path, text, limits);
    }

    public static Result read(String path, String text, YamlLimits limits) {
        LoadSettings settings = LoadSettings.builder().setLabel(path).setUseMarks(true)
                .setCodePointLimit(Math.max(limits.maxBytes(), 1)).setAllowDuplicateKeys(false).build();
        Builder b = new Builder(path, limits);
        try {
            for (Event e : new Parse(settings).parseString(text)) {
                b.accept(e);
                if (b.error != null) {
                    return new Result(Optional.empty(), List.of(b.error));
                }
            }
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().or(e::getContextMark).map(m -> position(path, m))
                    .orElse(Position.ofFile(path));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            return failed(at, "invalid YAML: " + context + problem, "fix the YAML syntax at this place");
        } catch (YamlEngineException e) {
            return failed(b.last, "invalid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
        return new Result(Optional.ofNullable(b.root), List.of());
    }

    private static Result failed(Position at, String message, String fix) {
        return new Result(Optional.empty(), List.of(Diagnostic.error(at, message, fix)));
    }

    static Position position(String path, Mark m) {
        return new Position(path, m.getLine() + 1, m.getColumn() + 1);
    }

    /** A collection being read: its children so far, and for a mapping the key waiting for its value. */
    private static final class Frame {
        final boolean mapping;
        final Position position;
        final String anchor;
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode.Pair> pairs = new ArrayList<>();
        final Map<String, Position> keys = new HashMap<>();
        final List<YamlNode.Mapping> merges = new ArrayList<>();
        YamlNode.Scalar pendingKey;
        boolean expectKey = true;
        long size = 1;

        Frame(boolean mapping, Position position, String anchor) {
            this.mapping = mapping;
            this.position = position;
            this.anchor = anchor;
        }
    }

    private static final class Builder {
        private final String path;
        private final YamlLimits limits;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private long total;
        private int aliases;
        private int documents;
        YamlNode root;
        Diagnostic error;
        Position last;

        Builder(String path, YamlLimits limits) {
            this.path = path;
            this.limits = limits;
            this.last = Position.ofFile(path);
        }

        void accept(Event e) {
            Position at = e.getStartMark().map(m -> position(path, m)).orElse(last);
            last = at;
            switch (e.getEventId()) {
                case DocumentStart -> {
                    if (++documents > 1) {
                        fail(at, "a second YAML document ('---'); a file holds one document",
                                "put the second document into a file of its own, or merge them");
                    }
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) e;
                    // A tag (even !!str) makes the scalar a string: only untagged plain scalars are null or booleans.
                    boolean plain = s.isPlain() && s.getTag().isEmpty();
                    YamlNode.Scalar node = new YamlNode.Scalar(s.getValue(), plain, at);
                    if (count(1, at)) {
                        complete(node, anchor(s));
                    }
                }
                case SequenceStart, MappingStart -> {
                    if (stack.size() >= limits.maxDepth()) {
                        fail(at, "the document nests deeper than " + limits.maxDepth() + " levels",
                                "flatten the structure");
                        return;
                    }
                    if (count(1, at)) {
                        stack.push(new Frame(e.getEventId() == Event.ID.MappingStart, at,
                                anchor((CollectionStartEvent) e)));
                    }
                }
                case SequenceEnd -> {
                    Frame f = stack.pop();
                    complete(new YamlNode.Sequence(f.items, f.position, f.size), f.anchor);
                }
                case MappingEnd -> {
                    Frame f = stack.pop();
                    complete(new YamlNode.Mapping(withMerges(f), f.position, f.size), f.anchor);
                }
                case Alias -> alias((AliasEvent) e, at);
                default -> {
                    // stream and document boundaries, comments: nothing to build
                }
            }
        }

        private static String anchor(NodeEvent e) {
            return e.getAnchor().map(a -> a.getValue()).orElse(null);
        }

        private void alias(AliasEvent e, Position at) {
            String name = e.getAlias().getValue();
            YamlNode target = anchors.get(name);
            if (target == null) {
                fail(at, "the alias *" + name + " names no anchor defined before it", "define &" + name + " first");
                return;
            }
            if (++aliases > limits.maxAliases()) {
                fail(at, "more than " + limits.maxAliases() + " aliases", "write the values out, or use fewer aliases");
                return;
            }
            if (count(target.expandedSize(), at)) {
                complete(target, null);
            }
        }

        /** Adds {@code n} to the expanded size; false (and an error) once the budget is spent. */
        private boolean count(long n, Position at) {
            total += n;
            if (total > limits.maxNodes()) {
                fail(at, "the document expands to more than " + limits.maxNodes()
                        + " nodes (aliases multiply what they refer to; a \"billion laughs\" document?)",
                        "write the document without nested aliases");
                return false;
            }
            return true;
        }

        private void complete(YamlNode node, String anchor) {
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.size += node.expandedSize();
            if (!parent.mapping) {
                parent.items.add(node);
                return;
            }
            if (parent.expectKey) {
                if (!(node instanceof YamlNode.Scalar key)) {
                    fail(node.position(), "a key must be a plain value, not " + node.describe(),
                            "write the key as a string");
                    return;
                }
                Position first = parent.keys.get(key.value());
                if (first != null && !isMergeKey(key)) {
                    fail(key.position(), "duplicate key '" + key.value() + "' (first defined at line " + first.line()
                            + ")", "remove one of them; YAML keys must be unique");
                    return;
                }
                parent.keys.put(key.value(), key.position());
                parent.pendingKey = key;
                parent.expectKey = false;
                return;
            }
            YamlNode.Scalar key = parent.pendingKey;
            parent.expectKey = true;
            if (isMergeKey(key)) {
                merge(parent, node);
                return;
            }
            parent.pairs.add(new YamlNode.Pair(key, node));
        }

        private static boolean isMergeKey(YamlNode.Scalar key) {
            return key.plain() && key.value().equals("<<");
        }

        private void merge(Frame f, YamlNode value) {
            if (value instanceof YamlNode.Mapping m) {
                f.merges.add(m);
            } else if (value instanceof YamlNode.Sequence s && s.items().stream().allMatch(YamlNode.Mapping.class::isInstance)) {
                s.items().forEach(i -> f.merges.add((YamlNode.Mapping) i));
            } else {
                fail(value.position(), "a merge key '<<' takes a map or a list of maps, not " + value.describe(),
                        "merge an anchored map: <<: *name");
            }
        }

        /** The explicit pairs, then each merged map's pairs whose key is not set yet (earlier merges win). */
        private static List<YamlNode.Pair> withMerges(Frame f) {
            if (f.merges.isEmpty()) {
                return f.pairs;
            }
            Map<String, YamlNode.Pair> out = new LinkedHashMap<>();
            for (YamlNode.Pair p : f.pairs) {
                out.put(p.key().value(), p);
            }
            for (YamlNode.Mapping m : f.merges) {
                for (YamlNode.Pair p : m.pairs()) {
                    out.putIfAbsent(p.key().value(), p);
                }
            }
            return new ArrayList<>(out.values());
        }

        private void fail(Position at, String message, String fix) {
            if (error == null) {
                error = Diagnostic.error(at, message, fix);
            }
        }
    }
}
