package dev.upkeep.inventory;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a YAML inventory the way Ansible's {@code yaml} plugin does: top-level keys are groups (usually just
 * {@code all}); a group has {@code hosts} (name or pattern → its vars, or nothing), {@code vars} and {@code children}
 * (name → a group, recursively). Other keys are skipped with a warning, as Ansible does.
 */
final class YamlInventory {
    private final Path file;
    private final YamlValues yaml;
    private final InventoryModel model;
    private final IdentityHashMap<Node, Boolean> open = new IdentityHashMap<>();

    private YamlInventory(Path file) {
        this.file = file;
        this.yaml = new YamlValues(file);
        this.model = new InventoryModel(new Where(file, 0));
    }

    /** @return null when the text is not a YAML inventory at all (an INI file read as YAML), for the caller to try INI */
    static InventoryModel parse(String text, Path file, boolean mustBeYaml) throws InventoryException {
        YamlInventory reader = new YamlInventory(file);
        Node root;
        try {
            root = reader.yaml.compose(text);
        } catch (InventoryException e) {
            if (mustBeYaml) {
                throw e;
            }
            return null;
        }
        if (root == null) {
            if (mustBeYaml) {
                throw new InventoryException(file, 0, "the file is empty: no groups, no hosts");
            }
            return null;
        }
        if (!(root instanceof MappingNode map)) {
            if (mustBeYaml) {
                throw new InventoryException(file, YamlValues.line(root), "a YAML inventory is a mapping of groups (all: hosts: …)");
            }
            return null;
        }
        for (YamlValues.Entry e : reader.yaml.entries(map)) {
            if (e.key().equals("plugin")) {
                throw new InventoryException(file, e.line(), "this is the configuration of an inventory plugin ('plugin:'), not an"
                        + " inventory: run ansible-inventory -i " + file + " --list -y > hosts.yml and import that");
            }
        }
        for (YamlValues.Entry e : reader.yaml.entries(map)) {
            reader.group(e.key(), e.value(), e.line(), 0);
        }
        return reader.model;
    }

    private void group(String name, Node data, int line, int depth) throws InventoryException {
        Where where = new Where(file, line);
        if (depth > YamlValues.MAX_NESTING) {
            throw where.error("groups nested more than " + YamlValues.MAX_NESTING + " levels deep");
        }
        if (data != null && !(data instanceof MappingNode) && !isNull(data)) {
            model.warnings.add(where + ": '" + name + "' skipped: a group is a mapping (hosts:, vars:, children:)");
            return;
        }
        model.group(name, where);
        if (!(data instanceof MappingNode map)) {
            return;
        }
        if (open.put(data, Boolean.TRUE) != null) {
            throw where.error("group '" + name + "' contains itself (through an alias)");
        }
        for (YamlValues.Entry e : yaml.entries(map)) {
            Where at = new Where(file, e.line());
            Node value = e.value();
            if (!e.key().equals("hosts") && !e.key().equals("vars") && !e.key().equals("children")) {
                model.warnings.add(at + ": key '" + e.key() + "' in group '" + name + "' skipped: only hosts, vars and children are read");
                continue;
            }
            if (isNull(value)) {
                continue;
            }
            if (value instanceof ScalarNode s) { // "hosts: web1" is allowed and means {web1: null}
                if (e.key().equals("vars")) {
                    throw at.error("vars of group '" + name + "' must be a mapping (key: value)");
                }
                section(name, e.key(), Map.of(s.getValue(), new YamlValues.Entry(s.getValue(), null, e.line())), depth);
                continue;
            }
            if (!(value instanceof MappingNode m)) {
                // the value's own line: "hosts:" is fine, the list under it is what is wrong
                throw new Where(file, YamlValues.line(value)).error("'" + e.key() + "' of group '" + name + "' must be a mapping");
            }
            Map<String, YamlValues.Entry> entries = new LinkedHashMap<>();
            for (YamlValues.Entry x : yaml.entries(m)) {
                entries.put(x.key(), x);
            }
            section(name, e.key(), entries, depth);
        }
        open.remove(data);
    }

    private void section(String group, String kind, Map<String, YamlValues.Entry> entries, int depth) throws InventoryException {
        for (YamlValues.Entry x : entries.values()) {
            Where at = new Where(file, x.line());
            switch (kind) {
                case "vars" -> model.group(group, at).vars.put(x.key(), new InventoryModel.Var(yaml.value(x.value()), at));
                case "children" -> {
                    group(x.key(), x.value(), x.line(), depth + 1);
                    if (model.groups.containsKey(x.key())) {
                        model.addChild(group, x.key());
                    }
                }
                default -> host(group, x, at);
            }
        }
    }

    private void host(String group, YamlValues.Entry x, Where at) throws InventoryException {
        HostRanges.Expanded names = HostRanges.expand(x.key(), at);
        Map<String, InventoryModel.Var> vars = new LinkedHashMap<>();
        if (x.value() != null && !isNull(x.value())) {
            if (!(x.value() instanceof MappingNode m)) {
                throw at.error("host '" + x.key() + "': its variables must be a mapping (key: value)");
            }
            for (YamlValues.Entry v : yaml.entries(m)) {
                vars.put(v.key(), new InventoryModel.Var(yaml.value(v.value()), new Where(file, v.line())));
            }
        }
        for (String name : names.names()) {
            model.addHost(group, name, at, names.port(), vars);
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }
}
