package dev.upkeep.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.Set;
import java.util.TreeSet;

/** Rules for a component's {@code configuration:} mapping (only Docker's keys are known well enough to judge). */
final class ConfigurationRules {
    private final Findings findings;

    ConfigurationRules(Findings findings) {
        this.findings = findings;
    }

    void check(String type, MappingNode conf, String path) {
        for (NodeTuple t : conf.getValue()) {
            String key = YamlTree.keyText(t);
            Node value = t.getValueNode();
            String at = path + "." + key;
            if (key == null || "<<".equals(key)) {
                continue;
            }
            if (type.equals("docker") && !ManifestFormat.DOCKER_CONFIGURATION_KEYS.contains(key)) {
                findings.warning(t.getKeyNode(), at, "unknown docker configuration key '" + key + "'");
            }
            switch (key) {
                case "docker_version", "version" -> {
                    if (type.equals("docker")) {
                        version(value, at, key, Versions.isDockerVersion(YamlTree.scalar(value)), "24.0.7 or 18.03.0-ce");
                    }
                }
                case "weave_version" -> version(value, at, key, Versions.isWeaveVersion(YamlTree.scalar(value)), "2.8.1");
                case "root_disk_type" -> oneOf(value, at, key, ManifestFormat.ROOT_DISK_TYPES);
                case "network" -> network(value, at);
                default -> {
                }
            }
        }
    }

    private void version(Node value, String path, String key, boolean valid, String example) {
        if (YamlTree.isNull(value)) {
            findings.warning(value, path, key + " is empty");
        } else if (!(value instanceof ScalarNode s)) {
            findings.error(value, path, key + " must be a version like " + example + ", not " + TextEdits.kind(value));
        } else if (!valid) {
            findings.error(value, path, key + " '" + s.getValue() + "' is not a version like " + example);
        }
    }

    private void network(Node value, String path) {
        if (!(value instanceof MappingNode m)) {
            if (!YamlTree.isNull(value)) {
                findings.error(value, path, "network must be a mapping like {mode: private}");
            }
            return;
        }
        Node mode = YamlTree.value(m, "mode");
        if (mode != null) {
            oneOf(mode, path + ".mode", "network.mode", ManifestFormat.NETWORK_MODES);
        }
    }

    void oneOf(Node value, String path, String key, Set<String> allowed) {
        String v = YamlTree.scalar(value);
        if (v == null || !allowed.contains(v)) {
            findings.error(value, path, key + " must be one of " + String.join(", ", new TreeSet<>(allowed))
                    + (v == null ? "" : ", not '" + v + "'"));
        }
    }
}
