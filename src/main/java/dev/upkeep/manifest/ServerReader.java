package dev.upkeep.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the server entries of every component in one scope (an environment, or the root of a manifest without
 * environments). Both shapes are read: fields nested under {@code - server:} and fields beside it.
 */
final class ServerReader {
    private final YamlTree tree;

    ServerReader(YamlTree tree) {
        this.tree = tree;
    }

    List<ManifestServer> read(Scope scope) {
        List<ManifestServer> out = new ArrayList<>();
        for (NodeTuple t : YamlTree.entries(scope.mapping())) {
            String type = YamlTree.keyText(t);
            if (type != null && !ManifestFormat.OTHER_TOP_KEYS.contains(type) ) {
                readComponent(scope.environment(), type, t.getValueNode(), scope.prefix() + type, out);
            }
        }
        return out;
    }

    private void readComponent(String env, String type, Node component, String path, List<ManifestServer> out) {
        if (!(component instanceof MappingNode)) {
            return;
        }
        if (YamlTree.value(component, "servers") instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                readItem(env, type, list.getValue().get(i), path + ".servers." + i, out);
            }
        }
        Node single = YamlTree.value(component, "server");
        if (single != null && !YamlTree.isNull(single)) {
            readFields(env, type, single, path + ".server", single, false, out);
        }
        if (YamlTree.value(component, "groups") instanceof MappingNode groups) {
            for (NodeTuple g : YamlTree.entries(groups)) {
                String name = YamlTree.keyText(g);
                if (name != null) {
                    readComponent(env, type, g.getValueNode(), path + ".groups." + name, out);
                }
            }
        }
    }

    private void readItem(String env, String type, Node item, String path, List<ManifestServer> out) {
        if (!(item instanceof MappingNode)) {
            readFields(env, type, item, path, item, false, out);
            return;
        }
        NodeTuple server = YamlTree.entry(item, "server");
        if (server == null) {
            readFields(env, type, item, path, item, false, out);
        } else if (YamlTree.isNull(server.getValueNode())) {
            readFields(env, type, item, path, item, true, out);
        } else {
            readFields(env, type, server.getValueNode(), path + ".server", item, false, out);
        }
    }

    private void readFields(String env, String type, Node fields, String path, Node at, boolean flat,
                            List<ManifestServer> out) {
        if ("external".equals(YamlTree.scalar(fields))) {
            out.add(new ManifestServer(null, null, null, null, type, tree.line(at), env, null, true, path, false));
            return;
        }
        if (!(fields instanceof MappingNode)) {
            return; // wrong type: the validator reports it
        }
        out.add(new ManifestServer(field(fields, "unique_name"), field(fields, "address"), field(fields, "vendor"),
                field(fields, "region"), type, tree.line(at), env, field(fields, "same_as"), false, path, flat));
    }

    private static String field(Node mapping, String key) {
        return YamlTree.scalar(YamlTree.value(mapping, key));
    }

    /** A mapping that holds component types, with the dotted prefix that reaches it. */
    record Scope(String environment, Node mapping, String prefix) {
    }
}
