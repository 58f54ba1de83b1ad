package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestCorpusTest {

    static List<Path> goodFiles() {
        return Corpus.files("good");
    }

    @Test
    void corpusHasAtLeastFifteenGoodManifests() {
        assertThat(goodFiles()).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            01-docs-flat-servers.yml    | production  | 24.0.7     | 2.8.1 | web1;web2
            02-nested-servers.yml       | -           | 25.0.3     | 2.8.1 | app-a;app-b
            03-older-version-key.yml    | production  | 18.03.0-ce | 2.3.0 | legacy1
            03-older-version-key.yml    | staging     | 17.06.2-ce | -     | legacy-stage
            04-comments-everywhere.yml  | production  | 24.0.7     | 2.8.1 | shop1;shop2
            05-flow-style.yml           | -           | 24.0.6     | 2.8.1 | f1;f2
            06-crlf.yml                 | production  | 23.0.6     | 2.8.1 | win1
            07-quoted-single.yml        | production  | 24.0.7     | 2.8.1 | q1
            08-quoted-double.yml        | production  | 24.0.7     | 2.8.1 | dq1@203.0.113.10
            09-anchors-aliases.yml      | production  | 24.0.7     | 2.8.1 | prod1
            09-anchors-aliases.yml      | staging     | 24.0.7     | 2.8.1 | prod1
            09-anchors-aliases.yml      | qa          | 24.0.7     | -     | qa1
            10-bom.yml                  | -           | 24.0.7     | 2.8.1 | bom1
            11-groups-databases.yml     | production  | 24.0.7     | -     | app1;pg-main;pg-reports
            12-same-as-external.yml     | production  | 24.0.7     | 2.8.1 | main;same_as:main;external;external
            13-env-variables-auto.yml   | production  | 24.0.7     | -     | -
            14-multi-env-custom.yml     | production  | 24.0.7     | 2.8.1 | -
            14-multi-env-custom.yml     | qa-east     | 25.0.1     | 2.8.0 | -
            14-multi-env-custom.yml     | development | 26.1.4     | -     | -
            15-empty-configuration.yml  | production  | -          | -     | bare1
            16-four-space-indent.yml    | production  | 24.0.7     | -     | four1
            17-no-trailing-newline.yml  | -           | 24.0.7     | -     | noeol1
            18-registered-servers.yml   | production  | 20.10.24   | 2.8.1 | reg1@198.51.100.7;reg2@198.51.100.8;gw@198.51.100.1
            """)
    void readingGivesTheExpectedVersionsAndServers(String file, String env, String docker, String weave, String servers) {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText(file), file);

        assertThat(doc.isParsed()).as("parsed: %s", doc.syntaxProblems()).isTrue();
        assertThat(doc.dockerVersion(env)).as("docker").isEqualTo(java.util.Optional.ofNullable(docker));
        assertThat(doc.weaveVersion(env)).as("weave").isEqualTo(java.util.Optional.ofNullable(weave));
        List<String> expected = servers == null ? List.of() : Arrays.asList(servers.split(";"));
        assertThat(doc.servers(env).stream().map(ManifestCorpusTest::describe).collect(Collectors.toList()))
                .containsExactlyElementsOf(expected);
        if (env != null) {
            assertThat(doc.environments()).contains(env);
        } else {
            assertThat(doc.environments()).isEmpty();
        }
    }

    private static String describe(ManifestServer s) {
        if (s.external()) {
            return "external";
        }
        if (s.uniqueName() == null) {
            return "same_as:" + s.sameAs();
        }
        return s.uniqueName() + (s.address() == null ? "" : "@" + s.address());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void openingAndTakingTheTextBackIsByteIdentical(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        OpenedManifest opened = new ManifestFiles().open(file);

        ManifestDocument doc = ManifestDocument.parse(opened.text(), file.getFileName().toString());

        assertThat(doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void settingEveryDockerVersionToItsOwnValueChangesNoByte(Path file) {
        ManifestDocument doc = ManifestDocument.parse(Corpus.text(file), file.getFileName().toString());
        List<String> envs = doc.environments().isEmpty() ? java.util.Collections.singletonList(null) : doc.environments();
        ManifestDocument edited = doc;
        for (String env : envs) {
            String path = doc.dockerVersionPath(env);
            // qa's version is an alias and staging's is merged in: both are edited where they are defined
            if (doc.get(path).isPresent() && !path.startsWith("qa.") && !path.startsWith("staging.")) {
                edited = edited.set(path, doc.get(path).get());
            }
        }
        assertThat(edited.text()).isEqualTo(doc.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void goodManifestsHaveNoErrors(Path file) {
        List<Problem> problems = new ManifestValidator().validate(Corpus.text(file), file.getFileName().toString());

        assertThat(problems).filteredOn(Problem::isError).isEmpty();
    }

    @Test
    void flatServerShapeIsAWarningNotAnError() {
        List<Problem> problems = new ManifestValidator().validate(Corpus.goodText("01-docs-flat-servers.yml"), "m");

        assertThat(problems).extracting(Problem::severity, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 9),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 14));
        assertThat(problems.get(0).message()).contains("beside '- server:'");
    }
}
