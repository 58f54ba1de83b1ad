package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(LineDiff.unified("a\nb\n", "a\nb\n", "old", "new")).isEmpty();
    }

    @Test
    void oneChangedLineGivesOneHunkWithThreeLinesOfContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String now = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";

        assertThat(LineDiff.unified(old, now, "a/Manifest.yml", "b/Manifest.yml")).isEqualTo("""
                --- a/Manifest.yml
                +++ b/Manifest.yml
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +FIVE
                 6
                 7
                 8
                """);
    }

    @Test
    void farApartChangesGiveSeparateHunks() {
        StringBuilder old = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            old.append(i).append('\n');
        }
        String now = ("\n" + old).replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n").substring(1);

        String diff = LineDiff.unified(old.toString(), now, "a", "b");

        assertThat(diff).contains("@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@", "-2\n+two\n", "-19\n+nineteen\n");
    }

    @Test
    void insertedLinesAreCountedOnTheNewSideOnly() {
        String diff = LineDiff.unified("a\nb\n", "a\nnew\nb\n", "a", "b");

        assertThat(diff).isEqualTo("--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+new\n b\n");
    }

    @Test
    void diffOfAnEditedManifestShowsOnlyTheEditedLine() {
        String original = Corpus.goodText("04-comments-everywhere.yml");
        String edited = ManifestDocument.parse(original, "m").set("production.docker.configuration.docker_version", "25.0.0").text();

        String diff = LineDiff.unified(original, edited, "a", "b");

        assertThat(diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")))
                .containsExactly("--- a", "+++ b", "-      docker_version: 24.0.7 # bumped in march",
                        "+      docker_version: 25.0.0 # bumped in march");
    }
}
