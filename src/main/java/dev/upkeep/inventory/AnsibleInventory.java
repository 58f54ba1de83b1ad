package dev.upkeep.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ansible inventory file (INI or YAML, with {@code group_vars/} and {@code host_vars/} beside it) read the way
 * {@code ansible-inventory --list} reads it: every host with its variables merged (all, then its groups from the
 * least to the most nested, then its own, each file's {@code *_vars} over the inventory's) and its groups.
 */
public final class AnsibleInventory {
    /**
     * One host as Ansible sees it.
     *
     * @param groups       every group it is in, directly or through {@code children}, outermost last (no {@code all})
     * @param directGroups the groups that list it themselves, in file order ({@code ungrouped} when none)
     */
    record Host(String name, Where where, Map<String, InventoryModel.Var> vars, List<String> groups,
                       List<String> directGroups) {
        /** "file:line" where the host is first named. */
        String source() {
            return where.toString();
        }
    }

    private final Path file;
    private final List<Host> hosts;
    private final Map<String, List<String>> groupHosts;
    private final List<String> warnings;

    private AnsibleInventory(Path file, List<Host> hosts, Map<String, List<String>> groupHosts, List<String> warnings) {
        this.file = file;
        this.hosts = List.copyOf(hosts);
        this.groupHosts = groupHosts;
        this.warnings = List.copyOf(warnings);
    }

    public static AnsibleInventory read(Path file) throws InventoryException {
        InventoryModel model = InventoryFiles.parse(file);
        return resolve(file, model);
    }

    public Path file() {
        return file;
    }

    List<Host> hosts() {
        return hosts;
    }

    /** What the reader skipped and why, with file and line. */
    public List<String> warnings() {
        return warnings;
    }

    /** Every group that exists, with all its hosts (through children too), in file order. */
    public Map<String, List<String>> groups() {
        return groupHosts;
    }

    private static AnsibleInventory resolve(Path file, InventoryModel model) throws InventoryException {
        Map<String, Integer> depth = depths(model, file);
        VarsFiles varsFiles = new VarsFiles(file);
        Map<String, Map<String, InventoryModel.Var>> groupFiles = new HashMap<>();
        for (String g : model.groups.keySet()) {
            groupFiles.put(g, varsFiles.group(g));
        }
        List<Host> out = new ArrayList<>();
        Map<String, List<String>> groupHosts = new LinkedHashMap<>();
        model.groups.keySet().forEach(g -> groupHosts.put(g, new ArrayList<>()));
        for (InventoryModel.Host h : model.hosts.values()) {
            List<String> direct = new ArrayList<>();
            model.groups.values().forEach(g -> {
                if (g.hosts.contains(h.name)) {
                    direct.add(g.name);
                }
            });
            if (direct.isEmpty()) {
                direct.add(InventoryModel.UNGROUPED);
            }
            Set<String> all = new LinkedHashSet<>();
            for (String g : direct) {
                ancestors(model, g, all);
            }
            all.add(InventoryModel.ALL);
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt((String g) -> depth.getOrDefault(g, 1))
                    .thenComparingLong(g -> priority(model, g)).thenComparing(g -> g));
            Map<String, InventoryModel.Var> vars = new LinkedHashMap<>();
            InventoryModel.Group allGroup = model.groups.get(InventoryModel.ALL);
            putAll(vars, allGroup.vars);
            putAll(vars, groupFiles.get(InventoryModel.ALL));
            for (String g : sorted) {
                if (!g.equals(InventoryModel.ALL)) {
                    putAll(vars, model.groups.get(g).vars);
                }
            }
            for (String g : sorted) {
                if (!g.equals(InventoryModel.ALL)) {
                    putAll(vars, groupFiles.get(g));
                }
            }
            putAll(vars, h.vars);
            putAll(vars, varsFiles.host(h.name));
            List<String> groups = new ArrayList<>(all);
            groups.remove(InventoryModel.ALL);
            groups.remove(InventoryModel.UNGROUPED);
            for (String g : all) {
                groupHosts.get(g).add(h.name);
            }
            out.add(new Host(h.name, h.where, vars, groups, direct));
        }
        return new AnsibleInventory(file, out, groupHosts, model.warnings);
    }

    private static void putAll(Map<String, InventoryModel.Var> into, Map<String, InventoryModel.Var> vars) {
        vars.forEach((k, v) -> {
            into.remove(k);
            into.put(k, v);
        });
    }

    private static long priority(InventoryModel model, String group) {
        InventoryModel.Var p = model.groups.get(group).vars.get("ansible_group_priority");
        if (p != null && p.value() instanceof Long n) {
            return n;
        }
        return 1;
    }

    private static void ancestors(InventoryModel model, String group, Set<String> into) {
        if (!into.add(group)) {
            return;
        }
        for (String parent : model.groups.get(group).parents) {
            ancestors(model, parent, into);
        }
    }

    /** all is 0, a top-level group 1, a child one more than its deepest parent; a loop is an error. */
    private static Map<String, Integer> depths(InventoryModel model, Path file) throws InventoryException {
        Map<String, Integer> depth = new HashMap<>();
        depth.put(InventoryModel.ALL, 0);
        for (String g : model.groups.keySet()) {
            depth(model, g, depth, new LinkedHashSet<>(), file);
        }
        return depth;
    }

    private static int depth(InventoryModel model, String group, Map<String, Integer> depth, Set<String> path, Path file)
            throws InventoryException {
        Integer known = depth.get(group);
        if (known != null) {
            return known;
        }
        if (!path.add(group)) {
            InventoryModel.Group g = model.groups.get(group);
            throw new InventoryException(file, g.where == null ? 0 : g.where.line(), "groups contain each other: "
                    + String.join(" → ", path) + " → " + group);
        }
        int d = 1;
        for (String parent : model.groups.get(group).parents) {
            if (!parent.equals(InventoryModel.ALL)) {
                d = Math.max(d, depth(model, parent, depth, path, file) + 1);
            }
        }
        path.remove(group);
        depth.put(group, d);
        return d;
    }
}
