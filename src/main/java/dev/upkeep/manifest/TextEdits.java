package dev.upkeep.manifest;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text patches made at the parser's positions: a value is replaced by exactly its characters, a missing key is
 * inserted with the file's own indentation and line break. Nothing else in the text is touched.
 */
final class TextEdits {
    private final YamlTree tree;
    private final String text;

    TextEdits(YamlTree tree) {
        this.tree = tree;
        this.text = tree.source.text();
    }

    /** The text with the scalar at {@code path} set to {@code value}, creating missing mapping keys. */
    String set(List<String> path, String value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        if (!tree.parsed()) {
            throw new IllegalStateException("the manifest has YAML errors; fix them in the text first");
        }
        Node current = tree.root;
        Node parent = null;
        NodeTuple via = null;
        for (int i = 0; i < path.size(); i++) {
            String seg = path.get(i);
            String where = String.join(".", path.subList(0, i + 1));
            if (current == null || YamlTree.isNull(current)) {
                return createUnderNull(current, via, parent, path.subList(i, path.size()), value);
            }
            if (current instanceof MappingNode m) {
                NodeTuple t = directEntry(m, seg);
                if (t == null && YamlTree.entry(m, seg) != null) {
                    // creating the key here would override the whole merged subtree, dropping its siblings
                    throw new IllegalArgumentException(where + " comes from a merge (<<) of line "
                            + tree.line(YamlTree.entry(m, seg).getKeyNode()) + "; edit it there or in the text");
                }
                if (t == null) {
                    return insertIntoMapping(m, path.subList(i, path.size()), value);
                }
                if (tree.isAliasValue(t)) {
                    throw new IllegalArgumentException(where + " is an alias of line "
                            + tree.line(t.getValueNode()) + "; edit the anchored value there");
                }
                parent = m;
                via = t;
                current = t.getValueNode();
            } else if (current instanceof SequenceNode s && seg.matches("[0-9]{1,6}")) {
                int index = Integer.parseInt(seg);
                if (index >= s.getValue().size()) {
                    throw new IllegalArgumentException(where + ": the list has only " + s.getValue().size() + " items");
                }
                Node item = s.getValue().get(index);
                int previousEnd = index == 0 ? tree.start(s) : tree.end(s.getValue().get(index - 1));
                if (tree.start(item) < previousEnd) {
                    throw new IllegalArgumentException(where + " is an alias of line " + tree.line(item));
                }
                parent = s;
                via = null;
                current = item;
            } else {
                throw new IllegalArgumentException(String.join(".", path.subList(0, i)) + " is "
                        + kind(current) + ", it cannot hold '" + seg + "'");
            }
        }
        if (!(current instanceof ScalarNode scalar)) {
            throw new IllegalArgumentException(String.join(".", path) + " is " + kind(current) + ", not a single value");
        }
        return replaceScalar(scalar, value, parent instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW);
    }

    private String replaceScalar(ScalarNode scalar, String value, boolean inFlow) {
        int start = skipAnchorAndTag(tree.start(scalar), tree.end(scalar));
        int end = trimEnd(start, tree.end(scalar));
        String encoded = ScalarCodec.encode(value, scalar.getScalarStyle(), inFlow);
        if (start == end && start > 0 && text.charAt(start - 1) == ':') {
            encoded = " " + encoded; // "key:" had no value at all
        }
        return text.substring(0, start) + encoded + text.substring(end);
    }

    private String insertIntoMapping(MappingNode m, List<String> rest, String value) {
        checkCreatable(rest);
        NodeTuple last = m.getValue().get(m.getValue().size() - 1);
        if (m.getFlowStyle() == FlowStyle.FLOW) {
            int at = trimEnd(tree.start(m), contentEnd(last));
            return text.substring(0, at) + ", " + flowEntry(rest, value) + text.substring(at);
        }
        int keyColumn = tree.column(m.getValue().get(0).getKeyNode()) - 1;
        int after = trimEnd(tree.start(m), contentEnd(last));
        int at = tree.source.nextLineStart(after - 1);
        String eol = tree.source.lineBreak();
        String prefix = at == text.length() && !endsWithBreak(at) ? eol : "";
        return text.substring(0, at) + prefix + blockEntry(rest, value, keyColumn) + eol + text.substring(at);
    }

    private String createUnderNull(Node nullNode, NodeTuple via, Node parent, List<String> rest, String value) {
        checkCreatable(rest);
        String eol = tree.source.lineBreak();
        if (nullNode == null || via == null) {
            if (nullNode != null && nullNode != tree.root) {
                throw new IllegalArgumentException("cannot create keys inside a list item that is empty");
            }
            String prefix = text.isEmpty() || endsWithBreak(text.length()) ? "" : eol;
            return text + prefix + blockEntry(rest, value, 0) + eol;
        }
        int start = skipAnchorAndTag(tree.start(nullNode), tree.end(nullNode));
        int end = tree.end(nullNode);
        if (parent instanceof MappingNode pm && pm.getFlowStyle() == FlowStyle.FLOW) {
            String inline = (start == end ? " " : "") + "{" + flowEntry(rest, value) + "}";
            return text.substring(0, start) + inline + text.substring(end);
        }
        int keyColumn = tree.column(via.getKeyNode()) - 1 + indentStep();
        String withoutNull = text.substring(0, start) + text.substring(end);
        int lineEnd = new SourceText(withoutNull).lineEnd(start);
        return withoutNull.substring(0, lineEnd) + eol + blockEntry(rest, value, keyColumn) + withoutNull.substring(lineEnd);
    }

    private String blockEntry(List<String> rest, String value, int column) {
        StringBuilder b = new StringBuilder();
        int step = indentStep();
        for (int j = 0; j < rest.size(); j++) {
            if (j > 0) {
                b.append(tree.source.lineBreak());
            }
            b.append(" ".repeat(column + j * step)).append(key(rest.get(j))).append(':');
            if (j == rest.size() - 1) {
                b.append(' ').append(ScalarCodec.encode(value, DumperOptions.ScalarStyle.PLAIN, false));
            }
        }
        return b.toString();
    }

    private static String flowEntry(List<String> rest, String value) {
        String inner = ScalarCodec.encode(value, DumperOptions.ScalarStyle.PLAIN, true);
        for (int j = rest.size() - 1; j >= 0; j--) {
            inner = key(rest.get(j)) + ": " + inner;
            if (j > 0) {
                inner = "{" + inner + "}";
            }
        }
        return inner;
    }

    private static String key(String k) {
        return ScalarCodec.isSafePlain(k, true) ? k : ScalarCodec.singleQuoted(k);
    }

    private static void checkCreatable(List<String> rest) {
        for (String seg : rest) {
            if (seg.matches("[0-9]+")) {
                throw new IllegalArgumentException("cannot create list item " + seg + "; add it in the text or the form");
            }
        }
    }

    /** The most common indentation step between a block mapping and a block mapping nested in it; 2 if none. */
    int indentStep() {
        Map<Integer, Integer> counts = new HashMap<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        countSteps(tree.root, counts, seen);
        int best = 2;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            // most common step wins; on a tie the smaller one
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private void countSteps(Node node, Map<Integer, Integer> counts, Set<Node> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (m.getFlowStyle() == FlowStyle.BLOCK && t.getValueNode() instanceof MappingNode child
                        && child.getFlowStyle() == FlowStyle.BLOCK && !tree.isAliasValue(t)) {
                    int step = tree.column(child.getValue().get(0).getKeyNode()) - tree.column(t.getKeyNode());
                    if (step > 0) {
                        counts.merge(step, 1, Integer::sum);
                    }
                }
                countSteps(t.getValueNode(), counts, seen);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> countSteps(n, counts, seen));
        }
    }

    /** Offset just after the last character that belongs to the node (block collections end at the next token). */
    int contentEnd(NodeTuple t) {
        return tree.isAliasValue(t) ? tree.source.lineEnd(tree.end(t.getKeyNode())) : contentEnd(t.getValueNode());
    }

    int contentEnd(Node node) {
        if (node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            return contentEnd(m.getValue().get(m.getValue().size() - 1));
        }
        if (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            Node last = s.getValue().get(s.getValue().size() - 1);
            return tree.start(last) >= tree.start(s) ? contentEnd(last) : tree.source.lineEnd(tree.start(s));
        }
        return tree.end(node);
    }

    int trimEnd(int floor, int end) {
        int e = end;
        while (e > floor && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private int skipAnchorAndTag(int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private boolean endsWithBreak(int at) {
        return at > 0 && (text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r');
    }

    static NodeTuple directEntry(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "a single value";
    }
}
