package dev.upkeep.inventory;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML as Ansible reads inventories and vars files (YAML 1.1, like PyYAML: {@code yes} is true), as a node tree
 * that keeps each key's line. Anchors and aliases resolve to the same node; merge keys ({@code <<: *defaults}) are
 * applied with the explicit keys winning. Ansible's own tags read as text: {@code !unsafe} is its value,
 * {@code !vault} an encrypted value Upkeep cannot read. Aliases are limited (no "billion laughs") and nesting too.
 */
final class YamlValues {
    static final int MAX_NESTING = 64;
    /** Items a file's values may expand to: aliases share nodes, so a small file could otherwise unfold into billions. */
    static final int MAX_VALUE_NODES = 1_000_000;
    /** What an encrypted value ({@code !vault}) reads as: it can be listed, never used. */
    static final String VAULT = "(encrypted with ansible-vault)";

    /** One key of a mapping, with the line it is written on. */
    record Entry(String key, Node value, int line) {
    }

    private final Path file;
    private final Scalars scalars;
    private int valueNodes;

    YamlValues(Path file) {
        this.file = file;
        this.scalars = new Scalars(options());
    }

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InventoryFiles.MAX_BYTES);
        options.setMaxAliasesForCollections(200);
        options.setAllowDuplicateKeys(true); // as PyYAML: the last one wins
        options.setNestingDepthLimit(MAX_NESTING);
        return options;
    }

    /** The first document's root node, or null for an empty file. */
    Node compose(String text) throws InventoryException {
        try {
            return new Yaml(options()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InventoryException(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InventoryException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** A mapping's keys in order, merge keys applied (explicit keys override merged ones). */
    List<Entry> entries(MappingNode map) throws InventoryException {
        return entries(map, new IdentityHashMap<>());
    }

    private List<Entry> entries(MappingNode map, IdentityHashMap<Node, Boolean> seen) throws InventoryException {
        if (seen.put(map, Boolean.TRUE) != null) {
            throw new InventoryException(file, line(map), "a merge key refers to itself");
        }
        Map<String, Entry> merged = new LinkedHashMap<>();
        Map<String, Entry> own = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (++valueNodes > MAX_VALUE_NODES) {
                throw new InventoryException(file, line(map), "the mappings of this file expand to more than " + MAX_VALUE_NODES
                        + " keys through their merge keys: not read");
            }
            if (k.getTag().equals(Tag.MERGE)) {
                for (MappingNode source : mergeSources(t.getValueNode())) {
                    for (Entry e : entries(source, seen)) {
                        merged.putIfAbsent(e.key(), e);
                    }
                }
                continue;
            }
            String key = k instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw new InventoryException(file, line(k), "a key here is not a plain value");
            }
            own.remove(key);
            own.put(key, new Entry(key, t.getValueNode(), line(k)));
        }
        seen.remove(map);
        Map<String, Entry> all = new LinkedHashMap<>(merged);
        own.forEach((key, e) -> {
            all.remove(key);
            all.put(key, e);
        });
        return new ArrayList<>(all.values());
    }

    private List<MappingNode> mergeSources(Node value) throws InventoryException {
        if (value instanceof MappingNode m) {
            return List.of(m);
        }
        if (value instanceof SequenceNode seq) {
            List<MappingNode> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof MappingNode m)) {
                    throw new InventoryException(file, line(n), "a merge key '<<' takes mappings only");
                }
                out.add(m);
            }
            return out;
        }
        throw new InventoryException(file, line(value), "a merge key '<<' takes a mapping or a list of mappings");
    }

    /** A node as a plain Java value: text, Long, Double, Boolean, null, List or Map (merge keys applied). */
    Object value(Node node) throws InventoryException {
        return value(node, 0, node);
    }

    private Object value(Node node, int depth, Node top) throws InventoryException {
        if (depth > MAX_NESTING) {
            throw new InventoryException(file, line(node), "nested more than " + MAX_NESTING + " levels deep");
        }
        if (++valueNodes > MAX_VALUE_NODES) {
            throw new InventoryException(file, line(top), "the values of this file expand to more than " + MAX_VALUE_NODES
                    + " items through their aliases: not read");
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                list.add(value(n, depth + 1, top));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Entry e : entries((MappingNode) node)) {
            map.put(e.key(), value(e.value(), depth + 1, top));
        }
        return map;
    }

    Object scalar(ScalarNode s) throws InventoryException {
        String tag = s.getTag().getValue();
        if (tag.equals("!vault")) {
            return VAULT;
        }
        if (!tag.startsWith(Tag.PREFIX)) {
            return s.getValue(); // !unsafe and other local tags: the text
        }
        try {
            Object v = scalars.construct(s);
            if (v instanceof Integer i) {
                return i.longValue();
            }
            if (v instanceof BigInteger b) {
                return b.toString();
            }
            return v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean || v == null
                    ? v : s.getValue();
        } catch (YAMLException e) {
            throw new InventoryException(file, line(s), "cannot read '" + s.getValue() + "': " + e.getMessage());
        }
    }

    /** SnakeYAML's own reading of standard scalars (YAML 1.1 booleans, octal and sexagesimal numbers…). */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
