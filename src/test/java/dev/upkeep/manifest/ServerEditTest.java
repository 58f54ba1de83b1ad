package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerEditTest {

    @Test
    void renameChangesTheNameAndEverySameAsPointingAtIt() {
        String original = Corpus.goodText("12-same-as-external.yml");

        String edited = ManifestDocument.parse(original, "m").renameServer("production", "main", "core").text();

        assertThat(edited).isEqualTo(original.replace("unique_name: main", "unique_name: core")
                .replace("same_as: main", "same_as: core"));
    }

    @Test
    void removeTakesTheWholeNestedEntryAndNothingElse() {
        String original = Corpus.goodText("02-nested-servers.yml");

        String edited = ManifestDocument.parse(original, "m").removeServer(null, "app-a").text();

        assertThat(edited).isEqualTo(original.replace("""
                    - server:
                        unique_name: app-a
                        vendor: hetzner
                        region: fsn1
                """, ""));
    }

    @Test
    void removeWorksOnTheFlatShapeToo() {
        String original = Corpus.goodText("01-docs-flat-servers.yml");

        ManifestDocument edited = ManifestDocument.parse(original, "m").removeServer("production", "web2");

        assertThat(edited.text()).isEqualTo(original.replace("""
                    - server:
                      unique_name: web2
                      vendor: aws
                      region: us-east-1
                """, ""));
        assertThat(edited.servers("production")).extracting(ManifestServer::uniqueName).containsExactly("web1");
    }

    @Test
    void addCopiesTheNestedShapeAndIndentation() {
        String original = Corpus.goodText("02-nested-servers.yml");

        ManifestDocument edited = ManifestDocument.parse(original, "m").addServer(null, "docker", "app-c", "10.1.2.3");

        assertThat(edited.text()).isEqualTo(original + """
                    - server:
                        unique_name: app-c
                        address: 10.1.2.3
                """);
        assertThat(edited.servers(null)).extracting(ManifestServer::uniqueName).containsExactly("app-a", "app-b", "app-c");
    }

    @Test
    void addCopiesTheFlatShapeWhenTheFileUsesIt() {
        String original = Corpus.goodText("01-docs-flat-servers.yml");

        String edited = ManifestDocument.parse(original, "m").addServer("production", "docker", "web3", null).text();

        assertThat(edited).isEqualTo(original + "    - server:\n      unique_name: web3\n");
    }

    @Test
    void addInTheMiddleOfAFileGoesRightAfterTheLastEntry() {
        String original = Corpus.goodText("18-registered-servers.yml");

        String edited = ManifestDocument.parse(original, "m").addServer("production", "docker", "reg3", "198.51.100.9").text();

        assertThat(edited).isEqualTo(ManifestEditTest.replaceOnce(original, "  gateway:\n",
                "      - server:\n          unique_name: reg3\n          address: 198.51.100.9\n  gateway:\n"));
    }

    @Test
    void addRefusesADuplicateName() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("02-nested-servers.yml"), "m");

        assertThatThrownBy(() -> doc.addServer(null, "docker", "app-a", null)).hasMessageContaining("already exists");
    }

    @Test
    void setAddressOnAServerWithoutOneCreatesTheKeyBesideUniqueName() {
        String original = Corpus.goodText("15-empty-configuration.yml");

        String edited = ManifestDocument.parse(original, "m").setServerAddress("production", "bare1", "192.0.2.4").text();

        assertThat(edited).isEqualTo(original.replace("unique_name: bare1\n", "unique_name: bare1\n          address: 192.0.2.4\n"));
    }
}
