package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each test inventory becomes: applications, server fields, skipped hosts and the variables listed. */
class AnsibleImportTest {
    private static ImportSource read(String name) throws InventoryException {
        return read(name, Map.of());
    }

    private static ImportSource read(String name, Map<String, String> mapping) throws InventoryException {
        return AnsibleImport.of(AnsibleInventory.read(Inventories.file(name)), mapping);
    }

    private static Server server(ImportSource s, String name) {
        return s.candidates().stream().map(ImportCandidate::server).filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static String app(ImportSource s, String name) {
        return s.candidates().stream().filter(c -> c.server().name().equals(name)).findFirst().orElseThrow().application();
    }

    @Test
    void eachGroupOfHostsBecomesAnApplicationAndConnectionVariablesBecomeServerFields() throws Exception {
        for (String file : List.of("basic.ini", "basic.yml")) {
            ImportSource s = read(file);
            assertThat(s.candidates()).extracting(c -> c.application() + "/" + c.server().name())
                    .containsExactly("ungrouped/mail.example.com", "web/web1.example.com", "web/web2.example.com", "db/db1.example.com");
            assertThat(server(s, "web2.example.com")).isEqualTo(new Server("web2.example.com", "10.0.0.12", 2222, "deploy",
                    "~/.ssh/fleet_ed25519", true, List.of("web")));
            assertThat(server(s, "db1.example.com")).isEqualTo(new Server("db1.example.com", "10.0.0.21", null, "postgres",
                    "~/.ssh/fleet_ed25519", false, List.of("db")));
            assertThat(server(s, "mail.example.com").host()).as("no ansible_host: the inventory name").isEqualTo("mail.example.com");
            assertThat(s.candidates().get(1).source()).endsWith(file + (file.endsWith(".ini") ? ":5" : ":9"));
        }
        assertThat(read("basic.ini").unused()).extracting(UnusedVariable::name).containsExactly("ansible_python_interpreter");
    }

    @Test
    void rangesExpandWithTheirPaddingLettersStepsAndPorts() throws Exception {
        ImportSource s = read("ranges.ini");
        assertThat(s.candidates()).filteredOn(c -> c.application().equals("web")).extracting(c -> c.server().name())
                .hasSize(20).startsWith("web01.example.com", "web02.example.com").endsWith("web20.example.com");
        assertThat(server(s, "db-b.internal")).isEqualTo(new Server("db-b.internal", "db-b.internal", 2200, "dba", null, false, List.of("db")));
        assertThat(s.candidates()).filteredOn(c -> c.application().equals("cache")).extracting(c -> c.server().name())
                .containsExactly("cache1", "cache5", "cache9");
        ImportSource y = read("ranges.yaml");
        assertThat(y.candidates()).extracting(c -> c.server().name())
                .containsExactly("web01.example.com", "web02.example.com", "web03.example.com", "edge-a", "edge-b", "lonely.example.com");
        assertThat(server(y, "edge-b").port()).isEqualTo(2022);
        assertThat(app(y, "lonely.example.com")).isEqualTo("solo");
    }

    @Test
    void childrenGroupsPassTheirVariablesDownAndDeeperGroupsWin() throws Exception {
        ImportSource s = read("children.ini");
        assertThat(server(s, "shop-web1")).isEqualTo(new Server("shop-web1", "192.0.2.10", null, "ops", null, true,
                List.of("shop_web", "shop", "production")));
        assertThat(server(s, "shop-db1").user()).as("[shop_db:vars] is deeper than [production:vars]").isEqualTo("postgres");
        assertThat(server(s, "blog1").sudo()).as("ansible_become=no on the host").isFalse();
        assertThat(app(s, "shop-db1")).isEqualTo("shop_db");
    }

    @Test
    void aMappingImportsChosenGroupsWithTheirChildrenIntoNamedApplications() throws Exception {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("shop", "webshop");
        mapping.put("production", "everything-else");
        ImportSource s = read("children.ini", mapping);
        assertThat(s.candidates()).extracting(c -> c.application() + "/" + c.server().name())
                .containsExactly("webshop/shop-web1", "webshop/shop-web2", "webshop/shop-db1", "everything-else/blog1");
        assertThat(s.skipped()).extracting(ImportSkip::toString).allMatch(t -> t.startsWith("everything-else/shop-"));
        assertThatThrownBy(() -> read("children.ini", Map.of("nope", "x"))).hasMessageContaining("no group 'nope'")
                .hasMessageContaining("shop_web");
    }

    @Test
    void quotingCommentsAndPythonLiteralsReadAsAnsibleReadsThem() throws Exception {
        ImportSource s = read("quoting.ini");
        assertThat(server(s, "quoted1")).isEqualTo(new Server("quoted1", "10.1.0.1", null, "deploy", null, false, List.of("odd")));
        assertThat(server(s, "quoted2").identityFile()).isEqualTo("/keys/with space/id_ed25519");
        assertThat(server(s, "quoted3").sudo()).isTrue();
        assertThat(server(s, "quoted4").port()).isEqualTo(22);
        assertThat(server(s, "indented5").host()).isEqualTo("10.1.0.5");
        assertThat(s.unused()).extracting(UnusedVariable::name).containsExactlyInAnyOrder("note", "escaped", "motd");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() throws Exception {
        ImportSource s = read("anchors.yaml");
        assertThat(server(s, "shop2")).isEqualTo(new Server("shop2", "198.51.100.2", 2201, "deploy", null, true, List.of("shop")));
        assertThat(server(s, "blog1").user()).isEqualTo("writer");
        assertThat(server(s, "blog2").sudo()).isFalse();
        assertThat(s.unused()).extracting(UnusedVariable::name).containsExactly("common");
    }

    @Test
    void filesWithoutExtensionAndJsonAreRead() throws Exception {
        assertThat(read("hosts").candidates()).extracting(c -> c.application() + "/" + c.server().host())
                .containsExactly("app/10.2.0.1", "app/10.2.0.2");
        assertThat(read("inventory").candidates()).extracting(c -> c.application() + "/" + c.server().host())
                .containsExactly("api/10.3.0.1", "api/10.3.0.2");
        ImportSource json = read("inventory.json");
        assertThat(server(json, "worker2")).isEqualTo(new Server("worker2", "10.4.0.2", null, "ci", null, true, List.of("workers")));
    }

    @Test
    void groupVarsAndHostVarsFilesBesideTheInventoryApply() throws Exception {
        ImportSource s = read("layout/inventory.ini");
        assertThat(server(s, "web1")).isEqualTo(new Server("web1", "10.6.0.1", 2200, "from-group-vars", "/keys/all", false, List.of("web")));
        assertThat(server(s, "web2")).isEqualTo(new Server("web2", "10.6.0.2", 2299, "from-group-vars", "/keys/all", true, List.of("web")));
    }

    @Test
    void whatUpkeepCannotHonourIsSkippedOrListedNeverDroppedSilently() throws Exception {
        ImportSource s = read("unhonoured.yml");
        assertThat(s.candidates()).extracting(c -> c.server().name()).containsExactly("legacy", "su-host", "vaulted");
        assertThat(server(s, "legacy")).isEqualTo(new Server("legacy", "10.5.0.3", null, "olduser", null, false, List.of("misc")));
        assertThat(s.skipped()).extracting(ImportSkip::toString).anySatisfy(t -> assertThat(t)
                        .startsWith("misc/localbox: ansible_connection=local").contains("not reached over SSH"))
                .anySatisfy(t -> assertThat(t).startsWith("misc/templated: ansible_host is a Jinja template"))
                .anySatisfy(t -> assertThat(t).startsWith("misc/2001:db8::7: '2001:db8::7' cannot be a server name"))
                .anySatisfy(t -> assertThat(t).startsWith("misc/windows1: ansible_connection=winrm"));
        assertThat(s.unused()).filteredOn(UnusedVariable::connection).extracting(UnusedVariable::name)
                .containsExactlyInAnyOrder("ansible_password", "ansible_become_method", "ansible_ssh_common_args",
                        "ansible_become_password");
        UnusedVariable password = s.unused().stream().filter(v -> v.name().equals("ansible_password")).findFirst().orElseThrow();
        assertThat(password.hosts()).containsExactly("legacy", "su-host", "vaulted");
        assertThat(password.note()).contains("asks for passwords").contains("memory only");
        assertThat(password.toString()).doesNotContain("hunter2");
        assertThat(s.unused().stream().filter(v -> v.name().equals("ansible_become_method")).findFirst().orElseThrow().note())
                .isEqualTo("Upkeep becomes root with sudo only, not su");
    }
}
