package dev.upkeep.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules about server entries: shapes, required and enumerated fields, names, same_as, one vendor and region. */
final class ServerRules {
    private final YamlTree tree;
    private final Findings findings;
    private final ManifestDocument doc;

    ServerRules(ManifestDocument doc, Findings findings) {
        this.doc = doc;
        this.tree = doc.tree();
        this.findings = findings;
    }

    /** Checks the servers of one scope (an environment, or the whole file without environments). */
    void check(ServerReader.Scope scope, List<ManifestServer> servers) {
        checkEntryTypes(scope);
        Map<String, ManifestServer> names = new HashMap<>();
        String vendor = null;
        String region = null;
        boolean vpc = hasVpc(scope);
        for (ManifestServer s : servers) {
            Node fields = doc.node(s.path());
            if (s.external()) {
                continue;
            }
            if (s.flatShape()) {
                findings.add(Severity.WARNING, fields, s.path(), "server fields sit beside '- server:' (the shape the "
                        + "platform's docs use; YAML reads 'server' as empty); accepted, nesting them under it is clearer");
            }
            if (fields instanceof MappingNode m) {
                checkFields(m, s.path());
            }
            if (s.uniqueName() == null && s.sameAs() == null) {
                findings.error(fields, s.path(), "server entry without unique_name");
            }
            if (s.uniqueName() != null) {
                ManifestServer earlier = names.putIfAbsent(s.uniqueName(), s);
                if (earlier != null) {
                    findings.error(node(s, "unique_name"), s.path() + ".unique_name", "duplicate unique_name '"
                            + s.uniqueName() + "' (also at line " + earlier.line() + ")");
                }
            }
            if (s.vendor() != null) {
                if (vendor == null) {
                    vendor = s.vendor();
                } else if (!vendor.equals(s.vendor())) {
                    findings.error(node(s, "vendor"), s.path() + ".vendor", "all servers must be on one vendor: '"
                            + s.vendor() + "' differs from '" + vendor + "'");
                }
            }
            if (s.region() != null) {
                if (region == null) {
                    region = s.region();
                } else if (!region.equals(s.region())) {
                    findings.error(node(s, "region"), s.path() + ".region", "all servers must be in one region: '"
                            + s.region() + "' differs from '" + region + "'");
                }
            }
            if (vpc && s.sameAs() == null && !s.registered() && YamlTree.value(fields, "subnet_id") == null
                    && (s.vendor() == null || s.vendor().equals("aws"))) {
                findings.error(fields, s.path(), "vpc_id is set, so server '" + s.uniqueName() + "' needs a subnet_id");
            }
        }
    }

    /** {@code same_as} must name a server defined somewhere in the same file. */
    void checkSameAs(List<ManifestServer> all) {
        Set<String> names = new HashSet<>();
        all.forEach(s -> names.add(s.uniqueName()));
        for (ManifestServer s : all) {
            if (s.sameAs() != null && !names.contains(s.sameAs())) {
                findings.error(node(s, "same_as"), s.path() + ".same_as", "same_as '" + s.sameAs()
                        + "' names no server in this file");
            }
        }
    }

    private void checkFields(MappingNode m, String path) {
        ConfigurationRules enums = new ConfigurationRules(findings);
        for (NodeTuple t : m.getValue()) {
            String key = YamlTree.keyText(t);
            Node value = t.getValueNode();
            if (key == null || "<<".equals(key)) {
                continue;
            }
            if (!ManifestFormat.SERVER_KEYS.contains(key)) {
                findings.warning(t.getKeyNode(), path + "." + key, "unknown server key '" + key + "'");
            } else if (!key.equals("server") && !(value instanceof ScalarNode)) {
                findings.error(value, path + "." + key, key + " must be a single value, not " + TextEdits.kind(value));
            } else if (key.equals("vendor")) {
                enums.oneOf(value, path + ".vendor", "vendor", ManifestFormat.VENDORS);
            } else if (key.equals("root_disk_type")) {
                enums.oneOf(value, path + ".root_disk_type", "root_disk_type", ManifestFormat.ROOT_DISK_TYPES);
            }
        }
    }

    /** Entries the reader skipped because they have the wrong type. */
    private void checkEntryTypes(ServerReader.Scope scope) {
        if (!(scope.mapping() instanceof MappingNode m)) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            Node component = t.getValueNode();
            if (!(component instanceof MappingNode) || !ManifestFormat.COMPONENT_TYPES.contains(YamlTree.keyText(t))) {
                continue;
            }
            if (YamlTree.value(component, "servers") instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    Node server = item instanceof MappingNode ? YamlTree.value(item, "server") : item;
                    if (!(item instanceof MappingNode) || (server != null && !(server instanceof MappingNode)
                            && !YamlTree.isNull(server) && !"external".equals(YamlTree.scalar(server)))) {
                        findings.error(item, scope.prefix() + YamlTree.keyText(t) + ".servers",
                                "a server entry must be '- server:' with unique_name etc., or 'server: external'");
                    }
                }
            }
            Node single = YamlTree.value(component, "server");
            if (single != null && !(single instanceof MappingNode) && !YamlTree.isNull(single)
                    && !"external".equals(YamlTree.scalar(single))) {
                findings.error(single, scope.prefix() + YamlTree.keyText(t) + ".server",
                        "server must be a mapping or 'external'");
            }
        }
    }

    private boolean hasVpc(ServerReader.Scope scope) {
        Node conf = YamlTree.value(YamlTree.value(scope.mapping(), "docker"), "configuration");
        return YamlTree.scalar(YamlTree.value(conf, "vpc_id")) != null;
    }

    private Node node(ManifestServer s, String key) {
        Node fields = doc.node(s.path());
        Node value = YamlTree.value(fields, key);
        return value != null ? value : fields;
    }
}
