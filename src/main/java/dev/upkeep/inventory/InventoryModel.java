package dev.upkeep.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ansible inventory as its files declare it, before variables are merged: groups (their own hosts, children and
 * vars) and hosts (their own vars), in file order, each remembering where it was written. Both file formats fill one.
 */
final class InventoryModel {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    /** A variable's value as the file gives it (text, number, boolean, list, mapping or null) and where. */
    record Var(Object value, Where where) {
    }

    static final class Group {
        final String name;
        final Where where;
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> parents = new LinkedHashSet<>();
        final Map<String, Var> vars = new LinkedHashMap<>();

        Group(String name, Where where) {
            this.name = name;
            this.where = where;
        }
    }

    static final class Host {
        final String name;
        final Where where;
        final Map<String, Var> vars = new LinkedHashMap<>();

        Host(String name, Where where) {
            this.name = name;
            this.where = where;
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Host> hosts = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();

    InventoryModel(Where file) {
        group(ALL, file);
        group(UNGROUPED, file);
        addChild(ALL, UNGROUPED);
    }

    Group group(String name, Where where) {
        return groups.computeIfAbsent(name, n -> new Group(n, where));
    }

    /** Adds {@code host} (created at {@code where} if new) to {@code group}, with {@code vars} as its host vars. */
    Host addHost(String group, String name, Where where, Integer port, Map<String, Var> vars) throws InventoryException {
        Host host = hosts.get(name);
        if (host == null) {
            if (hosts.size() >= HostRanges.MAX_HOSTS) {
                throw where.error("more than " + HostRanges.MAX_HOSTS + " hosts: not imported");
            }
            host = new Host(name, where);
            hosts.put(name, host);
        }
        if (port != null) {
            host.vars.put("ansible_port", new Var(port, where));
        }
        host.vars.putAll(vars);
        if (!group.equals(ALL)) {
            group(group, where).hosts.add(name);
        }
        return host;
    }

    void addChild(String parent, String child) {
        group(parent, null).children.add(child);
        group(child, null).parents.add(parent);
    }
}
