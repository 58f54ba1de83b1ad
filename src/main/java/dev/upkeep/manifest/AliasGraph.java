package dev.upkeep.manifest;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composed nodes seen as the graph aliases make of them. Every reader of a manifest walks it as a tree, so two
 * shapes must never get past the parser: a cycle ({@code docker: &d {groups: {g: *d}}}, or {@code <<} merging a
 * mapping into itself through other mappings), which a walk never leaves, and a tree that aliases make huge from a
 * small text (a "billion laughs" under the parser's alias limit), which a walk never finishes. Checked without
 * recursion, each node once.
 */
final class AliasGraph {
    /** Nodes after every alias is expanded. A real manifest has a few hundred. */
    static final long MAX_EXPANDED_NODES = 100_000;

    private AliasGraph() {
    }

    /** @return the problem, or null when the graph is a tree of reasonable size */
    static Problem check(Node root, SourceText source) {
        Map<Node, Long> size = new IdentityHashMap<>(); // finished nodes: their expanded size
        Map<Node, Boolean> open = new IdentityHashMap<>(); // nodes on the current path
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        open.put(root, true);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next < top.children.size()) {
                Node child = top.children.get(top.next++);
                if (open.containsKey(child)) {
                    return YamlTree.error(source, cycleAlias(source, child), "YAML alias cycle: *" + child.getAnchor()
                            + " is inside &" + child.getAnchor() + " itself, so reading it would never end");
                }
                Long done = size.get(child);
                if (done == null) {
                    stack.push(new Frame(child));
                    open.put(child, true);
                } else {
                    top.size = Math.min(MAX_EXPANDED_NODES + 1, top.size + done);
                }
                continue;
            }
            stack.pop();
            open.remove(top.node);
            if (top.size > MAX_EXPANDED_NODES) {
                return YamlTree.error(source, source.charOffset(top.node.getStartMark().getIndex()), "YAML aliases here"
                        + " expand to more than " + MAX_EXPANDED_NODES + " values (an alias bomb?); a manifest has a few hundred");
            }
            size.put(top.node, top.size);
            if (!stack.isEmpty()) {
                stack.peek().size = Math.min(MAX_EXPANDED_NODES + 1, stack.peek().size + top.size);
            }
        }
        return null;
    }

    /** Offset of the alias that closes the cycle: the first {@code *anchor} inside the anchored node's own text. */
    private static int cycleAlias(SourceText source, Node anchored) {
        int start = anchored.getStartMark().getIndex();
        int end = anchored.getEndMark().getIndex();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YamlTree.MAX_CHARS + 16);
        try {
            for (Event e : new Yaml(options).parse(new StringReader(source.text()))) {
                if (e instanceof AliasEvent a && anchored.getAnchor() != null && anchored.getAnchor().equals(a.getAnchor())
                        && a.getStartMark().getIndex() >= start && a.getStartMark().getIndex() <= end) {
                    return source.charOffset(a.getStartMark().getIndex());
                }
            }
        } catch (YAMLException e) {
            // it composed a moment ago; if it does not parse now, the anchor is the next best place
        }
        return source.charOffset(start);
    }

    private static final class Frame {
        final Node node;
        final List<Node> children = new ArrayList<>();
        int next;
        long size = 1;

        Frame(Node node) {
            this.node = node;
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    children.add(t.getKeyNode());
                    children.add(t.getValueNode());
                }
            } else if (node instanceof SequenceNode s) {
                children.addAll(s.getValue());
            }
        }
    }
}
