package dev.upkeep.fleet;

import dev.upkeep.run.ManifestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceStoreTest {
    private static final String EXAMPLE = """
            settings:
              concurrency: 10                  # servers worked on at once
              knownHosts: ~/.ssh/known_hosts   # OpenSSH format
              sshConfig: ~/.ssh/config
              connectTimeoutSeconds: 10
              weaveDownloadUrl: https://mirror.example.com/weave/v{version}/weave   # Weave Net is archived
            applications:
              - name: shop
                environment: production
                manifest: shop/Manifest.yml    # relative to the workspace file; optional
                failoverAddress: shop.example.com   # optional
                servers:
                  - name: web1                 # the manifest's unique_name where there is one
                    host: 10.0.0.5             # address, DNS name or ~/.ssh/config alias
                    port: 22                   # optional, like user / identityFile / sudo
                    user: ubuntu
                    identityFile: ~/.ssh/id_ed25519
                    sudo: true                 # run privileged commands with sudo (login user is not root)
                    groups: [web]
            """;

    private final WorkspaceStore store = ManifestServers.store();

    @Test
    void readsTheDocumentedExample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workspace.yml");
        Files.writeString(file, EXAMPLE);
        Workspace ws = store.load(file);
        assertThat(ws.settings()).isEqualTo(new Settings(10, "~/.ssh/known_hosts", "~/.ssh/config", 10,
                "https://mirror.example.com/weave/v{version}/weave"));
        Application shop = ws.application("shop").orElseThrow();
        assertThat(shop.environment()).isEqualTo("production");
        assertThat(shop.failoverAddress()).isEqualTo("shop.example.com");
        assertThat(ws.resolve(shop.manifest())).isEqualTo(dir.resolve("shop/Manifest.yml"));
        assertThat(shop.servers()).containsExactly(
                new Server("web1", "10.0.0.5", 22, "ubuntu", "~/.ssh/id_ed25519", true, List.of("web")));
    }

    @Test
    void missingFileIsAnEmptyWorkspace(@TempDir Path dir) throws Exception {
        Workspace ws = store.load(dir.resolve("none.yml"));
        assertThat(ws.applications()).isEmpty();
        assertThat(ws.settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void saveThenLoadGivesTheSameWorkspace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/workspace.yml");
        Workspace ws = store.parse(EXAMPLE, file);
        store.save(ws);
        assertThat(store.load(file)).isEqualTo(ws);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("workspace.yml");
        }
    }

    @Test
    void installTimeLimitsAndWeaveChecksumsAreReadAndWrittenOnlyWhenGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workspace.yml");
        String sum = "sha256:" + "0123456789abcdef".repeat(4);
        Workspace ws = store.parse("settings:\n  weaveDownloadUrl: https://weave.example.com/{version}/weave\n"
                + "  weaveChecksums:\n    2.8.1: " + sum + "\n  dockerTimeoutSeconds: 1200\n", file);
        assertThat(ws.settings().weaveChecksum("2.8.1")).isEqualTo("0123456789abcdef".repeat(4));
        assertThat(ws.settings().dockerTimeoutSeconds()).isEqualTo(1200);
        assertThat(ws.settings().weaveTimeoutSeconds()).isEqualTo(300);
        store.save(ws);
        assertThat(Files.readString(file)).contains("\"2.8.1\": " + sum).contains("dockerTimeoutSeconds: 1200")
                .doesNotContain("weaveTimeoutSeconds");
        assertThat(store.load(file)).isEqualTo(ws);
        assertThat(store.format(store.parse("applications: []\n", file))).doesNotContain("weaveChecksums").doesNotContain("dockerTimeout").doesNotContain("weaveTimeout");
    }

    @Test
    void patchAgeWarnDaysIsReadDefaultsTo14AndIsWrittenOnlyWhenGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workspace.yml");
        Workspace ws = store.parse("settings:\n  patchAgeWarnDays: 30\n", file);
        assertThat(ws.settings().patchAgeWarnDays()).isEqualTo(30);
        store.save(ws);
        assertThat(Files.readString(file)).contains("patchAgeWarnDays: 30");
        assertThat(store.load(file)).isEqualTo(ws);
        Workspace plain = store.parse("applications: []\n", file);
        assertThat(plain.settings().patchAgeWarnDays()).isEqualTo(14);
        assertThat(store.format(plain)).doesNotContain("patchAgeWarnDays");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key|applications:\\n  - name: a\\n    servers:\\n      - name: w\\n        hots: x\\n|5|unknown key 'hots'",
            "missing host|applications:\\n  - name: a\\n    servers:\\n      - name: w\\n        port: 22\\n|4|has no host",
            "duplicate server|applications:\\n  - name: a\\n    servers:\\n      - {name: w, host: x}\\n      - {name: w, host: y}\\n|5|duplicate server name 'w'",
            "wrong type|applications:\\n  - name: [a]\\n|2|wrong type for 'name': expected a text value",
            "bad yaml|applications:\\n  - name: \"a\\n|2|quoted scalar",
            "bad port|applications:\\n  - name: a\\n    servers:\\n      - name: w\\n        host: x\\n        port: 70000\\n|6|port must be",
            "option-like host|applications:\\n  - name: a\\n    servers:\\n      - name: w\\n        host: -oProxyCommand=x\\n|5|is not a host name",
            "bad name|applications:\\n  - name: a\\n    servers:\\n      - name: 'web 1;'\\n        host: x\\n|4|may only use",
            "zero concurrency|settings:\\n  concurrency: 0\\n|2|concurrency must be",
            "weave url without version|settings:\\n  weaveDownloadUrl: https://example.com/weave\\n|2|weaveDownloadUrl must be",
            "weave url not http|settings:\\n  weaveDownloadUrl: file:///tmp/{version}\\n|2|weaveDownloadUrl must be",
            "weave url with quote|settings:\\n  weaveDownloadUrl: \"https://x/{version};$(id)\"\\n|2|weaveDownloadUrl must be",
            "weave url plain http|settings:\\n  weaveDownloadUrl: http://x/{version}/weave\\n|2|plain http is refused",
            "weave checksum not sha256|settings:\\n  weaveChecksums:\\n    2.8.1: md5:abc\\n|3|weaveChecksums.2.8.1 must be sha256:",
            "weave checksum bad version|settings:\\n  weaveChecksums:\\n    latest: sha256:00\\n|3|'latest' is not a Weave version",
            "zero patch age warning|settings:\\n  patchAgeWarnDays: 0\\n|2|patchAgeWarnDays must be between 1 and 3650",
            "zero docker timeout|settings:\\n  dockerTimeoutSeconds: 0\\n|2|dockerTimeoutSeconds must be"})
    void badWorkspaceIsRefusedWithItsLine(String what, String yaml, int line, String message, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("ws.yml");
        String text = yaml.replace("\\n", "\n");
        Files.writeString(file, text);
        assertThatThrownBy(() -> store.load(file))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
                });
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void registeredManifestServersJoinTheirApplicationButAreNeverSaved(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("shop"));
        Files.writeString(dir.resolve("shop/Manifest.yml"), """
                production:
                  docker:
                    configuration:
                      docker_version: 24.0.7
                    servers:
                      - server:
                          unique_name: web1
                          address: 10.9.9.9
                      - server:
                          unique_name: web2
                          address: 10.0.0.6
                      - server:
                          unique_name: worker
                          vendor: aws
                """);
        Path file = dir.resolve("workspace.yml");
        Files.writeString(file, EXAMPLE);
        Workspace ws = store.load(file);
        List<Server> servers = ws.application("shop").orElseThrow().servers();
        assertThat(servers).extracting(Server::name).containsExactly("web1", "web2");
        assertThat(servers.get(0).host()).as("the workspace's own entry wins").isEqualTo("10.0.0.5");
        assertThat(servers.get(1).host()).isEqualTo("10.0.0.6");
        assertThat(servers.get(1).fromManifest()).isTrue();

        store.save(ws);
        assertThat(Files.readString(file)).doesNotContain("web2");
        assertThat(store.load(file)).isEqualTo(ws);
    }
}
