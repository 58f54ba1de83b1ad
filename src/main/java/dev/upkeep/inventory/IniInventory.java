package dev.upkeep.inventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an INI inventory the way Ansible's {@code ini} plugin does: hosts before any section are ungrouped;
 * {@code [group]} lists hosts ({@code name[:port] key=value ...}), {@code [group:vars]} sets {@code key=value}
 * (everything after the first '=' is the value, a trailing {@code # ...} included, as Ansible reads it),
 * {@code [group:children]} names child groups, which may be declared further down.
 */
final class IniInventory {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private IniInventory() {
    }

    static InventoryModel parse(String text, Path file) throws InventoryException {
        InventoryModel model = new InventoryModel(new Where(file, 0));
        Map<String, Where> pendingChildren = new LinkedHashMap<>();
        Map<String, Where> pendingVars = new LinkedHashMap<>();
        String group = InventoryModel.UNGROUPED;
        String state = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Where where = new Where(file, i + 1);
            String line = lines[i].strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                group = section.group(1);
                state = section.group(2) == null ? "hosts" : section.group(2);
                if (!List.of("hosts", "children", "vars").contains(state)) {
                    throw where.error("section [" + group + ":" + state + "] has an unknown type '" + state
                            + "' (hosts, children or vars)");
                }
                boolean known = model.groups.containsKey(group) && !pendingChildren.containsKey(group)
                        && !pendingVars.containsKey(group);
                if (!known && state.equals("vars")) {
                    pendingVars.putIfAbsent(group, where);
                }
                if (!state.equals("vars")) {
                    pendingVars.remove(group);
                    pendingChildren.remove(group);
                }
                model.group(group, where);
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                throw where.error("'" + line + "' is not a section: no spaces or other characters are allowed in [group], "
                        + "[group:vars] or [group:children]");
            }
            switch (state) {
                case "hosts" -> host(model, group, line, where);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw where.error("expected key=value in [" + group + ":vars], got: " + line);
                    }
                    String key = line.substring(0, eq).strip();
                    model.group(group, where).vars.put(key, new InventoryModel.Var(IniValues.literal(line.substring(eq + 1).strip()), where));
                }
                default -> {
                    Matcher m = GROUP_NAME.matcher(line);
                    if (!m.matches()) {
                        throw where.error("expected a group name in [" + group + ":children], got: " + line);
                    }
                    String child = m.group(1);
                    if (!model.groups.containsKey(child)) {
                        pendingChildren.putIfAbsent(child, where);
                    }
                    model.addChild(group, child);
                }
            }
        }
        for (var e : pendingVars.entrySet()) {
            throw e.getValue().error("section [" + e.getKey() + ":vars] is for a group that is never declared");
        }
        for (var e : pendingChildren.entrySet()) {
            throw e.getValue().error("[...:children] names group '" + e.getKey() + "', which is never declared");
        }
        return model;
    }

    private static void host(InventoryModel model, String group, String line, Where where) throws InventoryException {
        List<String> words;
        try {
            words = IniValues.split(line);
        } catch (IllegalArgumentException e) {
            throw where.error("cannot read host line: " + e.getMessage() + ": " + line);
        }
        if (words.isEmpty()) {
            return;
        }
        if (words.get(0).equals("---")) {
            throw where.error("'---' starts a YAML document: is this a YAML inventory (name it .yml)?");
        }
        HostRanges.Expanded hosts = HostRanges.expand(words.get(0), where);
        Map<String, InventoryModel.Var> vars = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw where.error("expected key=value after the host name, got: " + w);
            }
            vars.put(w.substring(0, eq), new InventoryModel.Var(IniValues.literal(w.substring(eq + 1)), where));
        }
        for (String name : hosts.names()) {
            model.addHost(group, name, where, hosts.port(), vars);
        }
    }
}
