package dev.upkeep.fleet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;

/** Finds the line of a value in YAML text by a path of keys and list indexes, so that messages can name it. */
final class YamlLines {
    private final Node root;

    YamlLines(String text) {
        Node parsed;
        try {
            parsed = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            parsed = null;
        }
        root = parsed;
    }

    /** 1-based line of the node at the path ({@code "applications", 0, "servers", 1, "name"}), or of its nearest ancestor; 0 when unknown. */
    int lineOf(Object... path) {
        Node node = root;
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        for (Object step : path) {
            Node next = child(node, step);
            if (next == null) {
                break;
            }
            node = next;
            line = node.getStartMark().getLine() + 1;
        }
        return line;
    }

    private static Node child(Node node, Object step) {
        if (step instanceof Integer index && node instanceof SequenceNode seq) {
            return index < seq.getValue().size() ? seq.getValue().get(index) : null;
        }
        if (step instanceof String key && node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }
}
