package dev.upkeep.inventory;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code group_vars/} and {@code host_vars/} beside the inventory file, as Ansible reads them: for a name N the file
 * {@code N}, {@code N.yml}, {@code N.yaml} or {@code N.json}, or every such file under the folder {@code N/} (sorted).
 */
final class VarsFiles {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");
    private final Path dir;

    VarsFiles(Path inventory) {
        Path parent = inventory.toAbsolutePath().getParent();
        this.dir = parent;
    }

    Map<String, InventoryModel.Var> group(String name) throws InventoryException {
        return read("group_vars", name);
    }

    Map<String, InventoryModel.Var> host(String name) throws InventoryException {
        return read("host_vars", name);
    }

    private Map<String, InventoryModel.Var> read(String kind, String name) throws InventoryException {
        Map<String, InventoryModel.Var> vars = new LinkedHashMap<>();
        if (dir == null || name.contains("/") || name.startsWith(".")) {
            return vars;
        }
        Path base = dir.resolve(kind);
        if (!Files.isDirectory(base)) {
            return vars;
        }
        for (String ext : EXTENSIONS) {
            Path f = base.resolve(name + ext);
            if (Files.isRegularFile(f)) {
                load(f, vars);
            }
        }
        Path folder = base.resolve(name);
        if (Files.isDirectory(folder)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(folder, 8)) {
                walk.filter(Files::isRegularFile).filter(VarsFiles::varsFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InventoryException(folder, 0, "cannot read: " + e.getMessage());
            }
            for (Path f : files) {
                load(f, vars);
            }
        }
        return vars;
    }

    private static boolean varsFile(Path p) {
        String n = p.getFileName().toString();
        if (n.startsWith(".")) {
            return false;
        }
        return !n.contains(".") || n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }

    private static void load(Path file, Map<String, InventoryModel.Var> into) throws InventoryException {
        YamlValues yaml = new YamlValues(file);
        Node root = yaml.compose(InventoryFiles.read(file));
        if (root == null || root instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")) {
            return;
        }
        if (!(root instanceof MappingNode map)) {
            throw new InventoryException(file, YamlValues.line(root), "a vars file is a mapping (key: value)");
        }
        for (YamlValues.Entry e : yaml.entries(map)) {
            into.remove(e.key());
            into.put(e.key(), new InventoryModel.Var(yaml.value(e.value()), new Where(file, e.line())));
        }
    }
}
