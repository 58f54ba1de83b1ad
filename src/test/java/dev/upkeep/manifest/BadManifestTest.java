package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every broken manifest gives a located error and nothing crashes. */
class BadManifestTest {
    private static final Pattern EXPECT = Pattern.compile("# expect line (\\d+): (.*)");

    static List<Path> badFiles() {
        return Corpus.files("bad");
    }

    @Test
    void corpusHasAtLeastThirtyBrokenManifests() {
        assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void brokenManifestGivesTheExpectedLocatedError(Path file) throws Exception {
        String header = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow();
        Matcher m = EXPECT.matcher(header);
        assertThat(m.matches()).as("fixture header: %s", header).isTrue();
        int line = Integer.parseInt(m.group(1));
        String fragment = m.group(2).trim();

        List<Problem> problems = problemsOf(file);

        assertThat(problems).as("%s", problems)
                .anySatisfy(p -> {
                    assertThat(p.severity()).isEqualTo(Severity.ERROR);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).contains(fragment);
                });
    }

    /** What the editor and the CLI do: read strictly, then validate. */
    static List<Problem> problemsOf(Path file) {
        try {
            OpenedManifest opened = new ManifestFiles().open(file);
            return new ManifestValidator().validate(opened.text(), file.getFileName().toString());
        } catch (ManifestReadException e) {
            return List.of(e.problem());
        }
    }

    @Test
    void hugeFileIsRefusedWithALocation() {
        StringBuilder b = new StringBuilder("docker:\n  configuration:\n    docker_version: 24.0.7\n");
        while (b.length() <= YamlTree.MAX_CHARS) {
            b.append("# padding padding padding padding padding padding padding padding padding padding\n");
        }
        List<Problem> problems = new ManifestValidator().validate(b.toString(), "huge.yml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("larger than");
            assertThat(p.line()).isGreaterThan(3);
        });
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {100, 5_000, 100_000})
    void deeplyNestedFlowListsAreRefusedNotOverflowed(int depth) {
        String text = "docker: " + "[".repeat(depth) + "]".repeat(depth) + "\n";

        List<Problem> problems = new ManifestValidator().validate(text, "deep.yml");

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void deeplyNestedBlockMappingsAreRefused() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        List<Problem> problems = new ManifestValidator().validate(b.toString(), "deep.yml");

        assertThat(problems).anySatisfy(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void billionLaughsWithManyAliasesIsRefusedQuickly() {
        StringBuilder b = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            b.append(c).append(": &").append(c).append(" [").append(("*" + prev + ", ").repeat(9)).append('*').append(prev).append("]\n");
            prev = c;
        }
        long start = System.nanoTime();
        List<Problem> problems = new ManifestValidator().validate(b.toString(), "laughs.yml");

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("aliases"));
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(5_000_000_000L);
    }

    @Test
    @Timeout(60) // a guard against the hang this used to be, not a speed claim
    void anAliasBombUnderTheAliasLimitIsRefusedWithoutBeingWalked() {
        // each level doubles the one below: 2^24 servers from 48 aliases, fewer than the parser's limit of 50
        StringBuilder b = new StringBuilder("x0: &x0 {servers: [{server: {unique_name: web}}]}\n");
        for (int i = 1; i <= 24; i++) {
            b.append("x" + i + ": &x" + i + " {groups: {a: *x" + (i - 1) + ", b: *x" + (i - 1) + "}}\n");
        }
        ManifestDocument doc = ManifestDocument.parse(b.append("docker: *x24\n").toString(), "bomb.yml");

        assertThat(doc.isParsed()).isFalse();
        assertThat(doc.servers(null)).isEmpty();
        assertThat(new ManifestValidator().validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("expand to more than " + AliasGraph.MAX_EXPANDED_NODES);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker: &d {groups: {g: *d}}\n", "a: &a [*a]\n", "a: &a {b: {c: [*a]}}\n",
            "x: &x {<<: &y {<<: *x}}\n", "docker: &d\n  <<: *d\n  configuration: {docker_version: 24.0.7}\n"})
    void aliasCyclesAreALocatedErrorForEveryReader(String text) {
        ManifestDocument doc = ManifestDocument.parse(text, "cycle.yml");

        assertThat(doc.isParsed()).isFalse();
        assertThat(doc.syntaxProblems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("YAML alias cycle");
            assertThat(text.split("\n")[p.line() - 1]).as("the line holds the alias").contains("*");
        });
        assertThat(doc.servers(null)).isEmpty();
        assertThat(doc.dockerVersion(null)).isEmpty();
        assertThat(doc.environments()).isEmpty();
        assertThatThrownBy(() -> doc.set("docker.configuration.docker_version", "25.0.3")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFewAliasesToCollectionsAreStillFineAndNotExpanded() {
        String text = "a: &a [x, y]\nb: [*a, *a, *a]\ndocker:\n  configuration:\n    docker_version: 24.0.7\n";

        assertThat(new ManifestValidator().validate(text, "m")).filteredOn(Problem::isError).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void editingABrokenManifestIsRefusedWithoutChangingIt(Path file, @TempDir Path dir) throws Exception {
        Path copy = dir.resolve("Manifest.yml");
        Files.copy(file, copy);
        byte[] before = Files.readAllBytes(copy);
        String text = new String(before, StandardCharsets.UTF_8);
        ManifestDocument doc = ManifestDocument.parse(text, "Manifest.yml");

        if (!doc.isParsed()) {
            assertThatThrownBy(() -> doc.set("docker.configuration.docker_version", "24.0.7"))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
        assertThat(doc.text()).isEqualTo(text);
    }

    @Test
    void randomBytesNeverCrashTheParserOrValidator() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<Problem> problems = new ManifestValidator().validate(text, "random.yml");
            assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
        }
    }

    @Test
    void randomYamlishTextNeverCrashesTheParserOrValidator() {
        java.util.Random random = new java.util.Random(7);
        String[] atoms = {"docker", ":", " ", "\n", "  ", "- ", "server", "servers", "configuration", "&a ", "*a",
                "<<", "[", "]", "{", "}", ",", "'", "\"", "#", "unique_name", "same_as", "24.0.7", "|", ">", "?", "!!str "};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) {
                b.append(atoms[random.nextInt(atoms.length)]);
            }
            List<Problem> problems = new ManifestValidator().validate(b.toString(), "fuzz.yml");
            assertThat(problems).noneSatisfy(p -> assertThat(p.message()).startsWith("manifest could not be checked"));
        }
    }
}
