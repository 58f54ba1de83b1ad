package dev.upkeep.manifest;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adding and removing whole server entries in a block {@code servers:} list, as text: a removed entry takes its
 * lines with it, an added one copies the indentation and shape (nested or flat) of the entries already there.
 */
final class ServerEdits {
    private final ManifestDocument doc;
    private final YamlTree tree;
    private final String text;

    ServerEdits(ManifestDocument doc) {
        this.doc = doc;
        this.tree = doc.tree();
        this.text = doc.text();
    }

    String remove(ManifestServer server) {
        String itemPath = server.path().endsWith(".server") ? server.path().substring(0, server.path().length() - 7)
                : server.path();
        int dot = itemPath.lastIndexOf('.');
        Node list = doc.node(itemPath.substring(0, dot));
        Node item = doc.node(itemPath);
        if (!(list instanceof SequenceNode s) || s.getFlowStyle() != FlowStyle.BLOCK || item == null) {
            throw new IllegalArgumentException("only entries of a block 'servers:' list can be removed here; edit the text");
        }
        int dash = dashBefore(tree.start(item));
        TextEdits edits = new TextEdits(tree);
        int from = tree.source.lineStart(dash);
        int to = tree.source.nextLineStart(edits.trimEnd(dash, edits.contentEnd(item)) - 1);
        return text.substring(0, from) + text.substring(to);
    }

    String add(String environment, String componentType, String uniqueName, String address) {
        String prefix = doc.hasEnvironmentRoot() ? environment + "." : "";
        if (doc.hasEnvironmentRoot() && environment == null) {
            throw new IllegalArgumentException("say which environment the server belongs to");
        }
        Node component = doc.node(prefix + componentType);
        if (!(component instanceof MappingNode)) {
            throw new IllegalArgumentException("no '" + prefix + componentType + "' section to add a server to");
        }
        if (!(YamlTree.value(component, "servers") instanceof SequenceNode list) || list.getValue().isEmpty()
                || list.getFlowStyle() != FlowStyle.BLOCK) {
            throw new IllegalArgumentException("no block 'servers:' list under " + prefix + componentType
                    + "; start the list in the text, then add servers here");
        }
        Node first = list.getValue().get(0);
        int dashColumn = tree.source.column(dashBefore(tree.start(first))) - 1;
        Node firstFields = YamlTree.value(first, "server") instanceof MappingNode m ? m : first;
        int fieldColumn = firstFields instanceof MappingNode fm && !fm.getValue().isEmpty()
                ? tree.column(fm.getValue().get(0).getKeyNode()) - 1 : dashColumn + 4;
        String eol = tree.source.lineBreak();
        StringBuilder entry = new StringBuilder(" ".repeat(dashColumn)).append("- server:").append(eol);
        entry.append(" ".repeat(fieldColumn)).append("unique_name: ").append(value(uniqueName)).append(eol);
        if (address != null && !address.isBlank()) {
            entry.append(" ".repeat(fieldColumn)).append("address: ").append(value(address)).append(eol);
        }
        TextEdits edits = new TextEdits(tree);
        int after = edits.trimEnd(tree.start(list), edits.contentEnd(list));
        int at = tree.source.nextLineStart(after - 1);
        String lead = at == text.length() && !(text.endsWith("\n") || text.endsWith("\r")) ? eol : "";
        return text.substring(0, at) + lead + entry + text.substring(at);
    }

    private static String value(String v) {
        return ScalarCodec.encode(v, ScalarStyle.PLAIN, false);
    }

    private int dashBefore(int itemStart) {
        int i = itemStart - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != '-') {
            throw new IllegalArgumentException("unexpected list layout at line " + tree.source.line(itemStart));
        }
        for (int j = tree.source.lineStart(i); j < i; j++) {
            if (text.charAt(j) != ' ') {
                throw new IllegalArgumentException("unexpected list layout at line " + tree.source.line(itemStart));
            }
        }
        return i;
    }
}
