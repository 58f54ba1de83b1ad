package dev.upkeep.manifest;

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
import java.util.regex.Pattern;

/**
 * Checks a manifest against the platform's documented format: YAML syntax first, then structure, version
 * formats, enumerations and the server rules. Never throws on any input; every problem has a line and column.
 */
public final class ManifestValidator {
    private static final Pattern AUTO_GENERATE = Pattern.compile("AUTO_GENERATE(_[1-9][0-9]{0,3})?");

    public List<Problem> validate(ManifestDocument doc) {
        YamlTree tree = doc.tree();
        Findings findings = new Findings(tree);
        tree.problems.forEach(findings::add);
        if (!tree.parsed()) {
            return findings.sorted();
        }
        try {
            checkTree(doc, tree, findings);
        } catch (RuntimeException | StackOverflowError e) {
            // a rule tripping over an odd shape must not take the editor down; say where we gave up
            findings.add(new Problem(Severity.ERROR, 1, 1, "manifest could not be checked: " + e, ""));
        }
        return findings.sorted();
    }

    public List<Problem> validate(String text, String fileName) {
        return validate(ManifestDocument.parse(text, fileName));
    }

    private void checkTree(ManifestDocument doc, YamlTree tree, Findings findings) {
        if (tree.root == null || YamlTree.isNull(tree.root)) {
            findings.warning(tree.root, "", "the manifest is empty");
            return;
        }
        if (!(tree.root instanceof MappingNode root)) {
            findings.error(tree.root, "", "a manifest is a mapping of environments or component types, not "
                    + TextEdits.kind(tree.root));
            return;
        }
        checkDuplicateKeys(tree.root, "", findings, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (doc.hasEnvironmentRoot()) {
            for (NodeTuple t : root.getValue()) {
                String env = YamlTree.keyText(t);
                if (ManifestFormat.OTHER_TOP_KEYS.contains(env)) {
                    checkTopKey(env, t.getValueNode(), env, findings);
                } else if (env != null && !"<<".equals(env) && !(t.getValueNode() instanceof MappingNode)
                        && !YamlTree.isNull(t.getValueNode())) {
                    findings.error(t.getValueNode(), env, "environment '" + env + "' must be a mapping of component types");
                }
            }
        }
        ServerRules servers = new ServerRules(doc, findings);
        for (ServerReader.Scope scope : doc.scopes(null)) {
            checkScope(scope, findings);
            servers.check(scope, doc.servers(scope.environment()));
        }
        servers.checkSameAs(doc.servers(null));
    }

    private void checkScope(ServerReader.Scope scope, Findings findings) {
        if (!(scope.mapping() instanceof MappingNode m)) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            String key = YamlTree.keyText(t);
            String path = scope.prefix() + key;
            Node value = t.getValueNode();
            if (key == null || "<<".equals(key)) {
                continue;
            }
            if (ManifestFormat.OTHER_TOP_KEYS.contains(key)) {
                checkTopKey(key, value, path, findings);
            } else if (!ManifestFormat.COMPONENT_TYPES.contains(key)) {
                findings.warning(t.getKeyNode(), path, "unknown component type '" + key + "'");
            } else if (value instanceof MappingNode component) {
                checkComponent(key, component, path, findings);
            } else if (!YamlTree.isNull(value)) {
                findings.error(value, path, "component '" + key + "' must be a mapping (configuration, servers)");
            }
        }
    }

    private void checkComponent(String type, MappingNode component, String path, Findings findings) {
        for (NodeTuple t : component.getValue()) {
            String key = YamlTree.keyText(t);
            Node value = t.getValueNode();
            if (key == null || "<<".equals(key)) {
                continue;
            }
            if (!ManifestFormat.COMPONENT_KEYS.contains(key)) {
                findings.warning(t.getKeyNode(), path + "." + key, "unknown key '" + key + "' in " + type);
            } else if (key.equals("configuration")) {
                if (value instanceof MappingNode conf) {
                    new ConfigurationRules(findings).check(type, conf, path + ".configuration");
                } else if (!YamlTree.isNull(value)) {
                    findings.error(value, path + ".configuration", "configuration must be a mapping");
                }
            } else if (key.equals("servers") && !(value instanceof SequenceNode) && !YamlTree.isNull(value)) {
                findings.error(value, path + ".servers", "servers must be a list of '- server:' entries");
            } else if (key.equals("groups")) {
                if (value instanceof MappingNode groups) {
                    for (NodeTuple g : groups.getValue()) {
                        if (g.getValueNode() instanceof MappingNode group) {
                            checkComponent(type, group, path + ".groups." + YamlTree.keyText(g), findings);
                        } else {
                            findings.error(g.getValueNode(), path + ".groups", "a group must be a mapping");
                        }
                    }
                } else {
                    findings.error(value, path + ".groups", "groups must be a mapping of group names");
                }
            }
        }
    }

    private void checkTopKey(String key, Node value, String path, Findings findings) {
        if (!key.equals("environment_variables") || YamlTree.isNull(value)) {
            return;
        }
        if (!(value instanceof MappingNode vars)) {
            findings.error(value, path, "environment_variables must be a mapping of NAME: value");
            return;
        }
        for (NodeTuple t : vars.getValue()) {
            String name = YamlTree.keyText(t);
            Node v = t.getValueNode();
            if (!(v instanceof ScalarNode)) {
                findings.error(v, path + "." + name, "environment variable " + name + " must be a single value");
            } else if (((ScalarNode) v).getValue().startsWith("AUTO_GENERATE")
                    && !AUTO_GENERATE.matcher(((ScalarNode) v).getValue()).matches()) {
                findings.warning(v, path + "." + name, "'" + ((ScalarNode) v).getValue()
                        + "' is not AUTO_GENERATE or AUTO_GENERATE_<length>; it will be used literally");
            }
        }
    }

    /** Duplicate keys are legal for the parser (the last wins) but always a mistake in a manifest. */
    private void checkDuplicateKeys(Node node, String path, Findings findings, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = YamlTree.keyText(t);
                String childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (key != null && !"<<".equals(key)) {
                    Node earlier = keys.putIfAbsent(key, t.getKeyNode());
                    if (earlier != null) {
                        findings.error(t.getKeyNode(), childPath, "duplicate key '" + key + "' (first at line "
                                + (earlier.getStartMark().getLine() + 1) + ")");
                    }
                }
                checkDuplicateKeys(t.getValueNode(), childPath, findings, seen);
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                checkDuplicateKeys(s.getValue().get(i), path + "." + i, findings, seen);
            }
        }
    }
}
