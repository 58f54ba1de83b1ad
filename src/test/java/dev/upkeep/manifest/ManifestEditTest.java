package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each edit changes exactly the intended characters: the whole resulting file is compared. */
class ManifestEditTest {

    /**
     * The expected file is the original with one unique snippet replaced: that asserts every other byte too.
     * {@code \n} in a snippet stands for the file's own line break.
     */
    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            01-docs-flat-servers.yml   | production.docker.configuration.docker_version | 25.0.3      | docker_version: 24.0.7          | docker_version: 25.0.3
            02-nested-servers.yml      | docker.configuration.weave_version            | 2.8.2       | weave_version: 2.8.1            | weave_version: 2.8.2
            03-older-version-key.yml   | production.docker.configuration.version       | 18.06.1-ce  | version: 18.03.0-ce             | version: 18.06.1-ce
            04-comments-everywhere.yml | production.docker.configuration.docker_version | 25.0.0     | docker_version: 24.0.7 # bumped | docker_version: 25.0.0 # bumped
            05-flow-style.yml          | docker.configuration.docker_version           | 24.0.9      | docker_version: 24.0.6,         | docker_version: 24.0.9,
            06-crlf.yml                | production.docker.configuration.weave_version | 2.8.3       | weave_version: 2.8.1            | weave_version: 2.8.3
            07-quoted-single.yml       | production.docker.configuration.docker_version | 25.0.1     | docker_version: '24.0.7'        | docker_version: '25.0.1'
            07-quoted-single.yml       | production.docker.servers.0.server.unique_name | it's       | unique_name: 'q1'               | unique_name: 'it''s'
            08-quoted-double.yml       | production.docker.configuration.docker_version | 25.0.1     | docker_version: "24.0.7"        | docker_version: "25.0.1"
            08-quoted-double.yml       | production.docker.servers.0.server.address    | `a"b\\c`    | address: "203.0.113.10"         | `address: "a\\"b\\\\c"`
            09-anchors-aliases.yml     | production.docker.configuration.docker_version | 25.0.0     | &engine 24.0.7                  | &engine 25.0.0
            09-anchors-aliases.yml     | production.docker.servers.0.server.region     | eu-north-1  | &region eu-west-1               | &region eu-north-1
            10-bom.yml                 | docker.configuration.docker_version           | 25.0.3      | docker_version: 24.0.7          | docker_version: 25.0.3
            11-groups-databases.yml    | production.postgresql.groups.main.configuration.version | 16 | version: 15                   | version: 16
            12-same-as-external.yml    | production.mysql.server.same_as               | other       | same_as: main                   | same_as: other
            13-env-variables-auto.yml  | production.environment_variables.PLAIN        | hello: world | PLAIN: hello                   | PLAIN: 'hello: world'
            13-env-variables-auto.yml  | production.environment_variables.PLAIN        | true        | PLAIN: hello                    | PLAIN: 'true'
            13-env-variables-auto.yml  | production.environment_variables.PLAIN        | # not a comment | PLAIN: hello                | PLAIN: '# not a comment'
            14-multi-env-custom.yml    | qa-east.docker.configuration.weave_version    | 2.8.1       | weave_version: 2.8.0            | weave_version: 2.8.1
            16-four-space-indent.yml   | production.docker.servers.0.server.unique_name | four2      | unique_name: four1              | unique_name: four2
            17-no-trailing-newline.yml | docker.servers.0.server.unique_name           | noeol2      | unique_name: noeol1             | unique_name: noeol2
            18-registered-servers.yml  | production.docker.servers.1.server.address    | 198.51.100.9 | address: 198.51.100.8          | address: 198.51.100.9
            05-flow-style.yml          | docker.servers.1.server.region                | a, b        | region: ewr}}]}                 | region: 'a, b'}}]}
            """)
    void setChangesOnlyThatValue(String file, String path, String value, String oldSnippet, String newSnippet) {
        String original = Corpus.goodText(file);
        String eol = original.contains("\r\n") ? "\r\n" : "\n";

        ManifestDocument edited = ManifestDocument.parse(original, file).set(path, value);

        assertThat(edited.text()).isEqualTo(replaceOnce(original, oldSnippet.replace("\\n", eol), newSnippet.replace("\\n", eol)));
        assertThat(edited.get(path)).contains(value);
    }

    @Test
    void setLeavesTheOriginalDocumentUnchanged() {
        String original = Corpus.goodText("02-nested-servers.yml");
        ManifestDocument doc = ManifestDocument.parse(original, "m");

        doc.set("docker.configuration.docker_version", "26.0.0");

        assertThat(doc.text()).isEqualTo(original);
        assertThat(doc.dockerVersion(null)).contains("25.0.3");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            02-nested-servers.yml      | docker.configuration.image_keep_count          | 3     | `    weave_version: 2.8.1\\n`                | `    weave_version: 2.8.1\\n    image_keep_count: 3\\n`
            03-older-version-key.yml   | staging.docker.configuration.weave_version     | 2.8.1 | `      version: 17.06.2-ce\\n`               | `      version: 17.06.2-ce\\n      weave_version: 2.8.1\\n`
            15-empty-configuration.yml | production.docker.configuration.docker_version | 24.0.7 | `  docker:\\n    configuration:\\n`           | `  docker:\\n    configuration:\\n      docker_version: 24.0.7\\n`
            16-four-space-indent.yml   | production.docker.configuration.weave_version  | 2.8.1 | `            docker_version: 24.0.7\\n`       | `            docker_version: 24.0.7\\n            weave_version: 2.8.1\\n`
            06-crlf.yml                | production.docker.configuration.image_keep_count | 2   | `      weave_version: 2.8.1\\n`               | `      weave_version: 2.8.1\\n      image_keep_count: 2\\n`
            05-flow-style.yml          | docker.configuration.root_disk_type            | ssd   | `weave_version: 2.8.1}`                      | `weave_version: 2.8.1, root_disk_type: ssd}`
            04-comments-everywhere.yml | production.docker.configuration.root_disk_type | ssd   | `      image_keep_count: 5 # disk is small\\n` | `      image_keep_count: 5 # disk is small\\n      root_disk_type: ssd\\n`
            17-no-trailing-newline.yml | docker.configuration.weave_version             | 2.8.1 | `    docker_version: 24.0.7\\n`               | `    docker_version: 24.0.7\\n    weave_version: 2.8.1\\n`
            13-env-variables-auto.yml  | production.docker.configuration.weave_version  | 2.8.1 | `      docker_version: 24.0.7\\n`             | `      docker_version: 24.0.7\\n      weave_version: 2.8.1\\n`
            """)
    void setCreatesAMissingKeyWithTheFilesIndentationAndLineBreak(String file, String path, String value,
                                                                 String oldSnippet, String newSnippet) {
        setChangesOnlyThatValue(file, path, value, oldSnippet, newSnippet);
    }

    @Test
    void setCreatesNestedSectionsWithTheFilesIndentStep() {
        String original = Corpus.goodText("16-four-space-indent.yml");

        String edited = ManifestDocument.parse(original, "m").set("production.rails.configuration.ruby_version", "3.3.0").text();

        assertThat(edited).isEqualTo(original + "    rails:\n        configuration:\n            ruby_version: 3.3.0\n");
    }

    @Test
    void setAtTheEndOfAFileWithoutFinalLineBreakAddsOne() {
        String original = Corpus.goodText("17-no-trailing-newline.yml");

        String edited = ManifestDocument.parse(original, "m").set("environment_variables.FOO", "bar").text();

        assertThat(edited).isEqualTo(original + "\nenvironment_variables:\n  FOO: bar\n");
    }

    @Test
    void setOnAnEmptyFileCreatesTheKeys() {
        String edited = ManifestDocument.parse("# nothing yet\n", "m").set("docker.configuration.docker_version", "24.0.7").text();

        assertThat(edited).isEqualTo("# nothing yet\ndocker:\n  configuration:\n    docker_version: 24.0.7\n");
    }

    @Test
    void setOnAKeyWithoutValueKeepsItsComment() {
        String edited = ManifestDocument.parse("docker:\n  configuration:\n    weave_version:   # pick one\n", "m")
                .set("docker.configuration.weave_version", "2.8.1").text();

        assertThat(edited).isEqualTo("docker:\n  configuration:\n    weave_version: 2.8.1   # pick one\n");
    }

    @Test
    void setThroughAnAliasIsRefusedBecauseItWouldEditTheAnchor() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("09-anchors-aliases.yml"), "m");

        assertThatThrownBy(() -> doc.set("qa.docker.configuration.docker_version", "25.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias of line 4");
    }

    @Test
    void setOfAMergedKeyIsRefusedBecauseCreatingItWouldDropTheMergedSiblings() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("09-anchors-aliases.yml"), "m");

        assertThatThrownBy(() -> doc.set("staging.docker.configuration.docker_version", "25.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merge");
    }

    @Test
    void setOfAMappingOrThroughAScalarIsRefused() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("02-nested-servers.yml"), "m");

        assertThatThrownBy(() -> doc.set("docker.configuration", "x")).hasMessageContaining("not a single value");
        assertThatThrownBy(() -> doc.set("docker.configuration.docker_version.major", "x")).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> doc.set("docker.servers.7.server.unique_name", "x")).hasMessageContaining("only 2 items");
        assertThatThrownBy(() -> doc.set("docker..x", "x")).hasMessageContaining("empty part");
    }

    @Test
    void blockScalarIsReplacedByAQuotedValueKeepingTheLinesAfterIt() {
        String edited = ManifestDocument.parse("a: |\n  one\n  two\n\nb: 1\n", "m").set("a", "x").text();

        assertThat(edited).isEqualTo("a: \"x\"\n\nb: 1\n");
    }

    @Test
    void multilineValueIsWrittenDoubleQuotedWithEscapes() {
        String edited = ManifestDocument.parse("a: plain\n", "m").set("a", "line1\nline2\t").text();

        assertThat(edited).isEqualTo("a: \"line1\\nline2\\t\"\n");
        assertThat(ManifestDocument.parse(edited, "m").get("a")).contains("line1\nline2\t");
    }

    @Test
    void supplementaryCharactersBeforeTheValueDoNotShiftTheEdit() {
        String original = "# 🚀 deploys 🚀\ndocker:\n  configuration:\n    docker_version: 24.0.7 # 🐳\n";

        String edited = ManifestDocument.parse(original, "m").set("docker.configuration.docker_version", "25.0.0").text();

        assertThat(edited).isEqualTo(original.replace("24.0.7", "25.0.0"));
    }

    static String replaceOnce(String text, String oldSnippet, String newSnippet) {
        int at = text.indexOf(oldSnippet);
        assertThat(at).as("snippet <%s> present", oldSnippet).isNotNegative();
        assertThat(text.indexOf(oldSnippet, at + 1)).as("snippet <%s> unique", oldSnippet).isNegative();
        return text.substring(0, at) + newSnippet + text.substring(at + oldSnippet.length());
    }
}
