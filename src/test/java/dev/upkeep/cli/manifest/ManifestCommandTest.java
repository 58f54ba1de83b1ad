package dev.upkeep.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest commands run in-process, output captured from picocli's writers. */
class ManifestCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ManifestCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path copy(String corpusPath) throws IOException {
        Path target = dir.resolve("Manifest.yml");
        Files.copy(resource(corpusPath), target);
        return target;
    }

    static Path resource(String corpusPath) {
        try {
            return Path.of(ManifestCommandTest.class.getResource("/manifests/" + corpusPath).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(resource("bad"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void validateOfACleanFileExitsZero() throws Exception {
        Path file = copy("good/02-nested-servers.yml");

        assertThat(run("validate", file.toString())).isZero();
        assertThat(out.toString()).contains("0 error(s), 0 warning(s)");
    }

    @Test
    void validateWithOnlyWarningsExitsOne() throws Exception {
        Path file = copy("good/01-docs-flat-servers.yml");

        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(file + ":9:7: warning: server fields sit beside");
    }

    @Test
    void validateWithErrorsExitsTwoAndLocatesThem() throws Exception {
        Path file = copy("bad/b05-duplicate-key.yml");

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(out.toString()).contains(file + ":5:5: error: duplicate key 'docker_version'");
    }

    @Test
    void validateOfAMissingFileExitsTwo() {
        assertThat(run("validate", dir.resolve("none.yml").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("no such file");
    }

    @Test
    void validateJsonListsProblemsWithLineColumnSeverity() throws Exception {
        Path file = copy("bad/b09-docker-version-word.yml");

        int code = run("validate", "--json", file.toString());

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("column").asInt()).isEqualTo(21);
        assertThat(problem.get("path").asText()).isEqualTo("docker.configuration.docker_version");
        assertThat(problem.get("message").asText()).contains("'latest'");
    }

    @Test
    void getPrintsAQuotedScalarWithoutQuotes() throws Exception {
        Path file = copy("good/07-quoted-single.yml");

        assertThat(run("get", file.toString(), "production.docker.configuration.docker_version")).isZero();
        assertThat(out.toString()).isEqualTo("24.0.7" + System.lineSeparator());
    }

    @Test
    void getOfAMissingPathExitsTwo() throws Exception {
        Path file = copy("good/02-nested-servers.yml");

        assertThat(run("get", file.toString(), "docker.configuration.nope")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("not set");
    }

    @Test
    void getOfAMappingPrintsItAsWritten() throws Exception {
        Path file = copy("good/05-flow-style.yml");

        assertThat(run("get", file.toString(), "docker.configuration")).isZero();
        assertThat(out.toString().trim()).isEqualTo("{docker_version: 24.0.6, weave_version: 2.8.1}");
    }

    @Test
    void getOfAKeyWithoutValueExitsTwo() throws Exception {
        Path file = copy("good/15-empty-configuration.yml");

        assertThat(run("get", file.toString(), "production.docker.configuration")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void setChangesOnlyTheValueAndKeepsABackup() throws Exception {
        Path file = copy("good/04-comments-everywhere.yml");
        String before = Files.readString(file);

        int code = run("set", file.toString(), "production.docker.configuration.docker_version", "25.0.3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(file)).isEqualTo(before.replace("docker_version: 24.0.7", "docker_version: 25.0.3"));
        assertThat(Files.readString(dir.resolve("Manifest.yml.bak"))).isEqualTo(before);
    }

    @Test
    void setKeepsCrlfAndBomBytes() throws Exception {
        Path file = copy("good/06-crlf.yml");
        byte[] before = Files.readAllBytes(file);

        assertThat(run("set", file.toString(), "production.docker.configuration.docker_version", "24.0.9")).isZero();

        assertThat(Files.readAllBytes(file)).isEqualTo(new String(before, java.nio.charset.StandardCharsets.UTF_8)
                .replace("23.0.6", "24.0.9").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void setOfAnInvalidVersionIsRefusedAndTheFileUntouched() throws Exception {
        Path file = copy("good/02-nested-servers.yml");
        byte[] before = Files.readAllBytes(file);

        int code = run("set", file.toString(), "docker.configuration.docker_version", "24.0.7; reboot");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("is not a version");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("Manifest.yml.bak")).doesNotExist();
    }

    @Test
    void setThroughAnAliasIsRefused() throws Exception {
        Path file = copy("good/09-anchors-aliases.yml");
        byte[] before = Files.readAllBytes(file);

        assertThat(run("set", file.toString(), "qa.docker.configuration.docker_version", "25.0.0")).isEqualTo(2);
        assertThat(err.toString()).contains("alias");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void setOnABrokenManifestIsRefusedAndWritesNothing(Path bad) throws Exception {
        Path file = dir.resolve("Manifest.yml");
        Files.copy(bad, file);
        byte[] before = Files.readAllBytes(file);

        int code = run("set", file.toString(), "docker.configuration.image_keep_count", "3");

        assertThat(code).isEqualTo(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(err.toString()).isNotBlank();
    }

    @Test
    void setThatRepairsTheOnlyErrorIsAccepted() throws Exception {
        Path file = copy("bad/b09-docker-version-word.yml");
        String before = Files.readString(file);

        assertThat(run("set", file.toString(), "docker.configuration.docker_version", "24.0.7")).isZero();
        assertThat(Files.readString(file)).isEqualTo(before.replace("docker_version: latest", "docker_version: 24.0.7"));
    }

    @Test
    void setOfAComponentAtTheRootOfAFileWithEnvironmentsIsRefused() throws Exception {
        Path file = copy("good/01-docs-flat-servers.yml");
        byte[] before = Files.readAllBytes(file);

        assertThat(run("set", file.toString(), "docker.configuration.docker_version", "24.0.7")).isEqualTo(2);
        assertThat(err.toString()).contains("has environments (production)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void validateOfABrokenManifestExitsTwo(Path bad) {
        assertThat(run("validate", bad.toString())).isEqualTo(2);
        assertThat(out.toString()).containsPattern(":\\d+:\\d+: error: ");
    }

    @Test
    void withoutASubcommandItPrintsUsage() {
        run();

        assertThat(err.toString()).contains("validate", "get", "set");
    }
}
