package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an Ansible inventory into servers to import. By default each group that lists hosts becomes an application
 * of its name (hosts in no group: {@code ungrouped}); a host listed by several groups goes into the first, and its
 * server's {@code groups} name them all. A mapping (group → application, in order; a group takes the hosts of its
 * children too) imports only those groups, each host into the first group of the mapping that holds it.
 * {@code ansible_host}, {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file} and
 * {@code ansible_become} become the server's host, port, user, identityFile and sudo; every other variable is listed.
 */
public final class AnsibleImport {
    private final AnsibleInventory inventory;
    private final Map<String, String> mapping;
    private final List<ImportCandidate> candidates = new ArrayList<>();
    private final List<ImportSkip> skipped = new ArrayList<>();
    private final Map<String, UnusedAcc> unused = new LinkedHashMap<>();

    private AnsibleImport(AnsibleInventory inventory, Map<String, String> mapping) {
        this.inventory = inventory;
        this.mapping = mapping;
    }

    /**
     * @param mapping group → application, in the order given; empty for "each group becomes an application"
     * @throws InventoryException when the mapping names a group the inventory does not have
     */
    public static ImportSource of(AnsibleInventory inventory, Map<String, String> mapping) throws InventoryException {
        for (var e : mapping.entrySet()) {
            if (!inventory.groups().containsKey(e.getKey())) {
                throw new InventoryException(inventory.file(), 0, "no group '" + e.getKey() + "' in this inventory (it has: "
                        + String.join(", ", inventory.groups().keySet()) + ")");
            }
            if (!ServerFields.isName(e.getValue())) {
                throw new InventoryException(inventory.file(), 0, "'" + e.getValue() + "' cannot be an application name"
                        + " (letters, digits, '.', '_' and '-')");
            }
        }
        AnsibleImport im = new AnsibleImport(inventory, new LinkedHashMap<>(mapping));
        for (AnsibleInventory.Host h : inventory.hosts()) {
            im.host(h);
        }
        List<UnusedVariable> vars = im.unused.values().stream().map(UnusedAcc::toVariable).toList();
        return new ImportSource("Ansible inventory " + inventory.file(), im.candidates, im.skipped, vars, inventory.warnings());
    }

    private void host(AnsibleInventory.Host h) {
        List<String> apps = applications(h);
        if (apps.isEmpty()) {
            skipped.add(new ImportSkip(null, h.name(), h.source(), "in none of the groups chosen (" + String.join(", ", mapping.keySet()) + ")"));
            return;
        }
        String app = apps.get(0);
        for (String other : apps.subList(1, apps.size())) {
            if (!other.equals(app)) {
                skipped.add(new ImportSkip(other, h.name(), h.source(), "imported once, into " + app
                        + " (a server belongs to one application; its groups name the others)"));
            }
        }
        if (!ServerFields.isName(app)) {
            skipped.add(new ImportSkip(null, h.name(), h.source(), "its group '" + app + "' cannot be an application name"
                    + " (letters, digits, '.', '_' and '-'): choose an application for it"));
            return;
        }
        String problem = problem(h);
        if (problem != null) {
            skipped.add(new ImportSkip(app, h.name(), h.source(), problem));
            return;
        }
        Map<String, InventoryModel.Var> v = h.vars();
        InventoryModel.Var host = AnsibleVars.first(v, AnsibleVars.HOST);
        InventoryModel.Var port = AnsibleVars.first(v, AnsibleVars.PORT);
        InventoryModel.Var user = AnsibleVars.first(v, AnsibleVars.USER);
        InventoryModel.Var key = AnsibleVars.first(v, AnsibleVars.KEY);
        InventoryModel.Var become = AnsibleVars.first(v, AnsibleVars.BECOME);
        Server server = new Server(h.name(), host == null ? h.name() : host.value().toString().strip(),
                port == null ? null : Integer.valueOf(port.value().toString().strip()),
                user == null ? null : user.value().toString().strip(), key == null ? null : key.value().toString().strip(),
                become != null && Boolean.TRUE.equals(AnsibleVars.bool(become.value())), h.groups());
        candidates.add(new ImportCandidate(app, server, h.source()));
        v.forEach((name, var) -> {
            if (AnsibleVars.mapped(name) || AnsibleVars.harmless(name, var.value())) {
                return;
            }
            unused.computeIfAbsent(name, n -> new UnusedAcc(n, var)).hosts.add(h.name());
        });
    }

    private List<String> applications(AnsibleInventory.Host h) {
        if (mapping.isEmpty()) {
            return h.directGroups();
        }
        List<String> apps = new ArrayList<>();
        mapping.forEach((group, app) -> {
            boolean in = group.equals(InventoryModel.ALL) || h.groups().contains(group) || h.directGroups().contains(group);
            if (in && !apps.contains(app)) {
                apps.add(app);
            }
        });
        return apps;
    }

    /** Why this host cannot become a server as the inventory describes it, or null. */
    private static String problem(AnsibleInventory.Host h) {
        if (!ServerFields.isName(h.name())) {
            return "'" + h.name() + "' cannot be a server name (letters, digits, '.', '_' and '-', at most 63)";
        }
        Map<String, InventoryModel.Var> v = h.vars();
        InventoryModel.Var connection = v.get("ansible_connection");
        if (connection != null && connection.value() != null && !AnsibleVars.harmless("ansible_connection", connection.value())) {
            return "ansible_connection=" + connection.value() + " (" + connection.where() + "): not reached over SSH";
        }
        for (var names : List.of(AnsibleVars.HOST, AnsibleVars.PORT, AnsibleVars.USER, AnsibleVars.KEY, AnsibleVars.BECOME)) {
            InventoryModel.Var var = AnsibleVars.first(v, names);
            if (var == null) {
                continue;
            }
            String name = names.stream().filter(n -> v.get(n) == var).findFirst().orElse("");
            String why = AnsibleVars.unusable(var.value());
            if (why != null) {
                return name + " " + why + " (" + var.where() + ")";
            }
            String text = var.value().toString().strip();
            boolean ok = switch (name) {
                case "ansible_host", "ansible_ssh_host" -> ServerFields.isHost(text);
                case "ansible_port", "ansible_ssh_port" -> text.matches("[0-9]{1,5}") && ServerFields.isPort(Integer.parseInt(text));
                case "ansible_user", "ansible_ssh_user" -> ServerFields.isUser(text);
                case "ansible_become" -> AnsibleVars.bool(var.value()) != null;
                default -> !text.isEmpty() && text.length() <= 4096 && text.chars().noneMatch(Character::isISOControl);
            };
            if (!ok) {
                return name + "=" + AnsibleVars.shorten(text) + " (" + var.where() + ") is not " + switch (name) {
                    case "ansible_host", "ansible_ssh_host" -> "a host name or address";
                    case "ansible_port", "ansible_ssh_port" -> "a port (1-65535)";
                    case "ansible_user", "ansible_ssh_user" -> "a user name";
                    case "ansible_become" -> "true or false";
                    default -> "a file name";
                };
            }
        }
        return null;
    }

    private static final class UnusedAcc {
        final String name;
        final InventoryModel.Var first;
        final List<String> hosts = new ArrayList<>();

        UnusedAcc(String name, InventoryModel.Var first) {
            this.name = name;
            this.first = first;
        }

        UnusedVariable toVariable() {
            String note = AnsibleVars.note(name, first.value());
            return new UnusedVariable(name, hosts, first.where().toString(), note != null, note);
        }
    }
}
