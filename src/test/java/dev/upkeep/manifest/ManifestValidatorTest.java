package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestValidatorTest {
    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void unknownComponentAndKeysAreWarningsWithLocations() {
        List<Problem> problems = validator.validate("""
                docker:
                  configuration:
                    docker_version: 24.0.7
                    colour: blue
                  servers:
                    - server:
                        unique_name: a
                        flavour: big
                  extras: 1
                kafka:
                  servers: []
                """, "m");

        assertThat(problems).extracting(Problem::severity, Problem::line, Problem::column, Problem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 4, 5, "docker.configuration.colour"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 8, 9, "docker.servers.0.server.flavour"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 9, 3, "docker.extras"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 10, 1, "kafka"));
    }

    @Test
    void autoGenerateLookalikeIsAWarningAndTheRealOnesAreFine() {
        List<Problem> problems = validator.validate("""
                environment_variables:
                  A: AUTO_GENERATE
                  B: AUTO_GENERATE_64
                  C: AUTO_GENERATE_
                  D: AUTO_GENERATEX
                """, "m");

        assertThat(problems).extracting(Problem::severity, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 4),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 5));
    }

    @Test
    void vpcWithSubnetOnEveryServerIsFine() {
        List<Problem> problems = validator.validate("""
                docker:
                  configuration:
                    vpc_id: vpc-1
                  servers:
                    - server:
                        unique_name: a
                        vendor: aws
                        region: eu-west-1
                        subnet_id: subnet-1
                    - server:
                        unique_name: b
                        address: 10.0.0.2
                """, "m");

        assertThat(problems).isEmpty();
    }

    @Test
    void sameAsMayNameAServerInAnotherEnvironmentOfTheFile() {
        List<Problem> problems = validator.validate("""
                production:
                  docker:
                    servers:
                      - server:
                          unique_name: shared
                staging:
                  mysql:
                    server:
                      same_as: shared
                """, "m");

        assertThat(problems).isEmpty();
    }

    @Test
    void theSameNameInTwoEnvironmentsIsNotADuplicate() {
        List<Problem> problems = validator.validate("""
                production:
                  docker:
                    servers:
                      - server: {unique_name: web}
                staging:
                  docker:
                    servers:
                      - server: {unique_name: web}
                """, "m");

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @CsvSource({"'', the manifest is empty", "'# only a comment', the manifest is empty", "'a: 1', unknown component type 'a'"})
    void emptyOrUnknownManifestIsOnlyWarned(String text, String message) {
        assertThat(validator.validate(text, "m")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).isEqualTo(message);
        });
    }

    @Test
    void problemsAreSortedByPosition() {
        List<Problem> problems = validator.validate(Corpus.text(Corpus.dir("bad").resolve("b39-auto-generate-and-bad-version.yml")), "m");

        assertThat(problems).extracting(Problem::line).isSorted();
        assertThat(problems).hasSize(2);
    }

    @Test
    void aTabThatTheParserToleratesIsOnlyAWarning() {
        List<Problem> problems = validator.validate("procfile_metadata:\n  web: |\n    run\n    \tindented\n", "m");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(5);
        });
    }

    @Test
    void columnsOnTheFirstLineDoNotCountTheBom() {
        List<Problem> problems = validator.validate("\uFEFFkafka: 1\n", "m");

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo(1));
    }

    @Test
    void problemFormatsLikeACompilerMessage() {
        Problem p = new Problem(Severity.ERROR, 3, 7, "bad", "a.b");

        assertThat(p.format("Manifest.yml")).isEqualTo("Manifest.yml:3:7: error: bad");
    }
}
