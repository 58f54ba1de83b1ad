package dev.upkeep.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.DockerCandidates;
import dev.upkeep.run.ServerRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --docker and --weave in the exported files, read back as YAML: per-application versions, Upkeep's refusals. */
class AnsibleExportDockerWeaveTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String SHA = "ab".repeat(32);
    private static final ExportOptions DOCKER_WEAVE = new ExportOptions(false, true, true, false, ExportOptions.Strategy.SERIAL,
            null, null, true, Duration.ofSeconds(120));

    private static Workspace workspace(Path dir, Map<String, String> checksums, Application... apps) {
        Settings settings = Settings.DEFAULTS.withWeaveDownload("https://mirror.example.invalid/weave/v{version}/weave", checksums);
        return new Workspace(dir.resolve("workspace.yml"), settings, List.of(apps));
    }

    private static Application app(Path dir, String name, String manifest) throws Exception {
        Files.writeString(dir.resolve(name + ".yml"), manifest);
        return new Application(name, null, name + ".yml", null, List.of(Server.of(name + "1", "10.0.0.1"), Server.of(name + "2", "10.0.0.2")));
    }

    private static List<ServerRef> all(Workspace ws) {
        return ws.applications().stream().flatMap(a -> a.servers().stream().map(s -> new ServerRef(a.name(), s.name()))).toList();
    }

    private static List<JsonNode> tasks(JsonNode play) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : play.get("tasks")) {
            out.add(t);
            if (t.has("block")) {
                t.get("block").forEach(out::add);
                t.get("always").forEach(out::add);
            }
        }
        return out;
    }

    private static JsonNode task(JsonNode play, String module, String nameStart) {
        return tasks(play).stream().filter(t -> t.has(module) && t.get("name").asText().startsWith(nameStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + module + " task '" + nameStart + "…' in " + play));
    }

    @Test
    void eachApplicationGetsItsOwnManifestVersionsAsGroupVarsAndThePlayPinsDockerAndChecksWeave(@TempDir Path dir) throws Exception {
        Workspace ws = workspace(dir, Map.of("2.8.1", "sha256:" + SHA, "2.8.0", "sha256:" + "cd".repeat(32)),
                app(dir, "shop", "docker:\n  configuration:\n    docker_version: 24.0.7\n    weave_version: '2.8.1'\n"),
                app(dir, "legacy", "docker:\n  configuration:\n    version: 18.03.0-ce\n    weave_version: 2.8.0\n"));
        Path out = dir.resolve("out");
        assertThat(AnsibleExport.write(ws, all(ws), DOCKER_WEAVE, out)).containsExactly("ansible.cfg", "inventory.yml", "upkeep.yml");

        JsonNode groups = YAML.readTree(out.resolve("inventory.yml").toFile()).get("all").get("children");
        JsonNode shop = groups.get("upkeep_shop").get("vars");
        assertThat(shop.get("upkeep_docker_version").asText()).isEqualTo("24.0.7");
        assertThat(shop.get("upkeep_weave_version").asText()).isEqualTo("2.8.1");
        assertThat(shop.get("upkeep_weave_url").asText()).isEqualTo("https://mirror.example.invalid/weave/v2.8.1/weave");
        assertThat(shop.get("upkeep_weave_sha256").asText()).isEqualTo(SHA);
        JsonNode legacy = groups.get("upkeep_legacy").get("vars");
        assertThat(legacy.get("upkeep_docker_version").asText()).isEqualTo("18.03.0-ce");
        assertThat(legacy.get("upkeep_weave_sha256").asText()).isEqualTo("cd".repeat(32));
        Pattern shopPackages = Pattern.compile(shop.get("upkeep_docker_package_pattern").asText());
        assertThat(shopPackages.matcher("5:24.0.7-1~debian.12~bookworm").find()).isTrue();
        assertThat(Pattern.compile(legacy.get("upkeep_docker_package_pattern").asText()).matcher("18.03.0~ce-0~debian").find()).isTrue();

        JsonNode playbook = YAML.readTree(out.resolve("upkeep.yml").toFile());
        assertThat(playbook).hasSize(2);
        for (JsonNode play : playbook) {
            JsonNode install = task(play, "ansible.builtin.apt", "Docker: docker-ce and docker-ce-cli");
            assertThat(install.get("ansible.builtin.apt").get("name")).extracting(JsonNode::asText)
                    .containsExactly("docker-ce={{ upkeep_docker_package }}", "docker-ce-cli={{ upkeep_docker_package }}");
            assertThat(install.get("ansible.builtin.apt").get("allow_downgrade").asBoolean()).as("Upkeep never downgrades").isFalse();
            assertThat(install.get("ansible.builtin.apt").get("lock_timeout").asInt()).as("--lock-wait").isEqualTo(120);
            JsonNode offered = task(play, "ansible.builtin.assert", "Docker: apt must offer the version");
            assertThat(offered.get("ansible.builtin.assert").get("fail_msg").asText()).contains("Nothing was installed");
            assertThat(task(play, "ansible.builtin.service", "Docker: restart").get("timeout").asInt()).isEqualTo(120);
            JsonNode download = task(play, "ansible.builtin.get_url", "Weave: download").get("ansible.builtin.get_url");
            assertThat(download.get("checksum").asText()).isEqualTo("sha256:{{ upkeep_weave_sha256 }}");
            assertThat(download.get("url").asText()).isEqualTo("{{ upkeep_weave_url }}");
            JsonNode copy = task(play, "ansible.builtin.copy", "Weave: install").get("ansible.builtin.copy");
            assertThat(copy.get("dest").asText()).isEqualTo("/usr/local/bin/weave");
            assertThat(copy.get("mode").asText()).isEqualTo("0755");
            // Docker before Weave, as Upkeep's run orders them.
            List<String> names = tasks(play).stream().map(t -> t.get("name").asText()).toList();
            assertThat(names.indexOf(install.get("name").asText())).isLessThan(names.indexOf("Weave {{ upkeep_weave_version }}"));
        }
    }

    @Test
    void theDockerPackagePatternPicksExactlyWhatUpkeepsOwnResolutionPicks() {
        List<String> offered = List.of("5:25.0.3-1~debian.12~bookworm", "5:24.0.7-1~debian.12~bookworm", "5:24.0.7~rc.1-1~debian.12~bookworm",
                "5:24.0.70-1~debian.12~bookworm", "5:124.0.7-1~ubuntu.22.04~jammy", "24.0.7-1~debian", "18.06.3~ce~3-0~debian",
                "18.03.0~ce-0~debian", "5:18.09.0~3-0~debian-stretch", "5:24x0x7-1~debian");
        for (String docker : List.of("24.0.7", "25.0.3", "18.06.3-ce", "18.03.0-ce", "18.09.0", "24.0.70")) {
            Pattern p = Pattern.compile(AppTargets.packagePattern(docker));
            List<String> matched = offered.stream().filter(v -> p.matcher(v).find()).toList();
            List<String> upkeeps = offered.stream().filter(v -> DockerCandidates.dockerVersionOf(v).filter(docker::equals).isPresent()).toList();
            assertThat(matched).as(docker).isEqualTo(upkeeps).isNotEmpty();
        }
    }

    @Test
    void aVersionThatIsNoVersionIsRefusedNamingTheApplicationAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Workspace injected = workspace(dir, Map.of(), app(dir, "shop",
                "docker:\n  configuration:\n    docker_version: \"24.0.7\\\"\\n  evil: '{{ lookup(''pipe'', ''id'') }}'\"\n"));
        assertThatThrownBy(() -> AnsibleExport.write(injected, all(injected), DOCKER_WEAVE, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("application 'shop'").hasMessageContaining("is not a Docker version");
        Workspace none = workspace(dir, Map.of(), app(dir, "api", "docker:\n  configuration:\n    weave_version: 2.8.1\n"));
        assertThatThrownBy(() -> AnsibleExport.write(none, all(none), DOCKER_WEAVE, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("application 'api'").hasMessageContaining("names no Docker version");
        assertThat(out).doesNotExist();
    }

    @Test
    void weaveWithoutAKnownChecksumIsRefusedAsUpkeepRefusesToRunIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Workspace ws = workspace(dir, Map.of(), app(dir, "shop", "docker:\n  configuration:\n    docker_version: 24.0.7\n    weave_version: 2.8.1\n"));
        ExportOptions weave = new ExportOptions(false, false, true, false, ExportOptions.Strategy.PARALLEL, null, null, true, Duration.ZERO);
        assertThatThrownBy(() -> AnsibleExport.write(ws, all(ws), weave, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("application 'shop'").hasMessageContaining("no verified SHA-256 pin for Weave 2.8.1")
                .hasMessageContaining("weaveChecksums");
        Workspace noManifest = workspace(dir, Map.of(), new Application("bare", null, null, null, List.of(Server.of("b1", "h"))));
        assertThatThrownBy(() -> AnsibleExport.write(noManifest, all(noManifest), weave, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("application 'bare' has no manifest");
        assertThat(out).doesNotExist();
    }
}
