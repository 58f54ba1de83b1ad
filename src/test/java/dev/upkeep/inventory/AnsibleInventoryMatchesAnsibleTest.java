package dev.upkeep.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Upkeep's reading of each test inventory agrees with Ansible's own ({@code ansible-inventory --list}, from the
 * Debian package ansible-core): the same hosts, the same groups per host, and the same values of every variable
 * that decides how a host is reached.
 */
class AnsibleInventoryMatchesAnsibleTest {
    private static final List<String> CONNECTION_VARS = List.of("ansible_host", "ansible_ssh_host", "ansible_port",
            "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file", "ansible_become", "ansible_become_method",
            "ansible_become_user", "ansible_connection", "ansible_ssh_common_args");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void needsAnsible() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-inventory")),
                "ansible-inventory is not installed (Debian package ansible-core; scripts/install-test-deps.sh installs it)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "ranges.ini", "children.ini", "quoting.ini", "hosts", "basic.yml", "anchors.yaml",
            "ranges.yaml", "inventory", "inventory.json", "unhonoured.yml", "layout/inventory.ini"})
    void sameHostsGroupsAndConnectionVariablesAsAnsible(String name) throws Exception {
        Path file = Inventories.file(name);
        JsonNode ansible = ansibleInventory(file);
        AnsibleInventory ours = AnsibleInventory.read(file);

        Map<String, Set<String>> theirGroups = groupsPerHost(ansible);
        Map<String, Set<String>> ourGroups = new TreeMap<>();
        for (AnsibleInventory.Host h : ours.hosts()) {
            Set<String> g = new TreeSet<>(h.groups());
            if (h.directGroups().contains("ungrouped")) {
                g.add("ungrouped");
            }
            ourGroups.put(h.name(), g);
        }
        assertThat(ourGroups).as("hosts and their groups").isEqualTo(theirGroups);

        JsonNode hostvars = ansible.path("_meta").path("hostvars");
        for (AnsibleInventory.Host h : ours.hosts()) {
            Map<String, String> theirs = new TreeMap<>();
            Map<String, String> mine = new TreeMap<>();
            for (String var : CONNECTION_VARS) {
                JsonNode v = hostvars.path(h.name()).get(var);
                if (v != null && !v.isObject()) {
                    theirs.put(var, v.isTextual() ? v.asText() : v.toString());
                }
                InventoryModel.Var m = h.vars().get(var);
                if (m != null && m.value() != null && !YamlValues.VAULT.equals(m.value())) {
                    mine.put(var, String.valueOf(m.value()));
                }
            }
            assertThat(mine).as("connection variables of %s", h.name()).isEqualTo(theirs);
        }
    }

    private static JsonNode ansibleInventory(Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ansible-inventory", "-i", file.toString(), "--list");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", tmp.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out);
    }

    /** host → every group it is in (through children), "all" left out, as ansible-inventory's groups say. */
    private static Map<String, Set<String>> groupsPerHost(JsonNode inv) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Iterator<String> it = inv.fieldNames(); it.hasNext(); ) {
            String group = it.next();
            if (group.equals("_meta") || group.equals("all")) {
                continue;
            }
            for (String host : hostsOf(inv, group, new LinkedHashSet<>())) {
                out.computeIfAbsent(host, h -> new TreeSet<>()).add(group);
            }
        }
        for (String host : hostsOf(inv, "all", new LinkedHashSet<>())) {
            out.computeIfAbsent(host, h -> new TreeSet<>());
        }
        return out;
    }

    private static List<String> hostsOf(JsonNode inv, String group, Set<String> seen) {
        List<String> hosts = new ArrayList<>();
        if (!seen.add(group)) {
            return hosts;
        }
        inv.path(group).path("hosts").forEach(h -> hosts.add(h.asText()));
        inv.path(group).path("children").forEach(c -> hosts.addAll(hostsOf(inv, c.asText(), seen)));
        return hosts;
    }
}
