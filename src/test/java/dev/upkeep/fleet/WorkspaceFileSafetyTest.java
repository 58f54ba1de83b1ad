package dev.upkeep.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workspace file against the worst a disk or a hand can give it: nothing, too much, aliases, modes. */
class WorkspaceFileSafetyTest {
    private final WorkspaceStore store = new WorkspaceStore();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "\n   \n", "# my servers\n\n# come later\n", "---\n", "~\n", "null  # nothing\n"})
    void anExistingFileWithoutContentIsAnErrorNotAnEmptyWorkspace(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("workspace.yml"), text);

        assertThatThrownBy(() -> store.load(file)).isInstanceOfSatisfying(WorkspaceException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).startsWith(file + ": ").contains("nothing was read");
        });
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aDocumentEndMarkerAfterTheContentIsNotAnEmptyWorkspace() throws Exception {
        Path file = Files.writeString(dir.resolve("workspace.yml"), "applications:\n  - name: shop\n---\n");

        assertThat(store.load(file).applications()).extracting(Application::name).containsExactly("shop");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "alias cycle in a mapping|docker: &d {groups: {g: *d}}\\n|1|alias *d",
            "alias cycle in a list|a: &a [*a]\\n|1|alias *a",
            "merge key cycle|settings: &s\\n  concurrency: 2\\n  <<: *s\\n|3|merge key '<<'",
            "merge key|applications:\\n  - name: a\\n    <<: {environment: p}\\n|3|merge key '<<'",
            "alias as a value|applications:\\n  - name: a\\n    servers:\\n      - name: w\\n        host: &h db1\\n        user: *h\\n|6|alias *h",
            "billion laughs|a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\\n|2|alias *a"})
    void aliasesAndMergeKeysAreRefusedWithTheirLine(String what, String yaml, int line, String message) throws Exception {
        String text = yaml.replace("\\n", "\n");
        Path file = Files.writeString(dir.resolve("workspace.yml"), text);

        assertThatThrownBy(() -> store.load(file)).isInstanceOfSatisfying(WorkspaceException.class, e -> {
            assertThat(e.line()).as("line").isEqualTo(line);
            assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
        });
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void deepNestingIsRefusedAtTheDepthLimitWithoutReadingTheRest() throws Exception {
        // the parser's cost grows faster than the depth: 200,000 levels took 40 s before it said anything
        Path file = Files.writeString(dir.resolve("workspace.yml"), "applications:\n  " + "[".repeat(200_000) + "]".repeat(200_000) + "\n");

        assertThatThrownBy(() -> store.load(file)).isInstanceOfSatisfying(WorkspaceException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("nested more than " + YamlShape.MAX_NESTING + " levels");
        });
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("workspace.yml");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: takes no disk, but reading it whole would not fit in memory
        }

        assertThatThrownBy(() -> store.load(file)).isInstanceOfSatisfying(WorkspaceException.class, e ->
                assertThat(e.getMessage()).startsWith(file + ": ").contains("a workspace is at most " + WorkspaceStore.MAX_BYTES));
    }

    @Test
    void aDeviceIsNotAWorkspace() {
        assertThatThrownBy(() -> store.load(Path.of("/dev/zero"))).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aNewWorkspaceIsPrivateAndSoAreTheFoldersMadeForIt() throws Exception {
        Path file = dir.resolve("config/upkeep/workspace.yml");

        store.save(workspace(file));

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("config/upkeep"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("config"))).isEqualTo("rwx------");
    }

    @Test
    void anExistingWorkspaceKeepsTheModeItsOwnerGaveIt() throws Exception {
        Path file = dir.resolve("workspace.yml");
        store.save(workspace(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--")); // kept in git, read by a team

        store.save(workspace(file).withApplications(List.of()));

        assertThat(mode(file)).isEqualTo("rw-r--r--");
    }

    @Test
    void aSymlinkedWorkspaceStaysALinkToTheSavedFile() throws Exception {
        Path real = dir.resolve("dotfiles/upkeep.yml");
        Files.createDirectories(real.getParent());
        store.save(workspace(real));
        Path link = Files.createSymbolicLink(dir.resolve("workspace.yml"), real);

        store.save(workspace(link).withApplications(List.of()));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(store.load(real).applications()).isEmpty();
    }

    private static Workspace workspace(Path file) {
        return new Workspace(file, null, List.of(new Application("shop", "production", null, null, List.of(Server.of("web1", "10.0.0.5")))));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
