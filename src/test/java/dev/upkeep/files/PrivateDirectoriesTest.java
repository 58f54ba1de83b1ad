package dev.upkeep.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void anOpenFolderAndWhatItHoldsAreMadePrivateWithANotice() throws Exception {
        Path state = folder("state", "rwxr-xr-x");
        Path run = folder("state/runs/20261126T100000Z-aaaaaa", "rwxr-xr-x");
        Path log = file(run.resolve("shop--web1.log"), "rw-r--r--");
        Path script = file(state.resolve("hook.sh"), "rwxr-x---");

        assertThat(PrivateDirectories.tighten(state, true)).hasValueSatisfying(n -> assertThat(n)
                .contains(state.toString()).contains("rwxr-xr-x").contains("now rwx------").contains("4 file(s) and folder(s)"));

        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("runs"))).isEqualTo("rwx------");
        assertThat(mode(run)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(script)).as("the owner's own bits stay").isEqualTo("rwx------");
    }

    @Test
    void aSymlinkInsideIsNotFollowedOutOfTheFolder() throws Exception {
        Path outside = file(Files.createDirectories(dir.resolve("elsewhere")).resolve("shared.txt"), "rw-r--r--");
        Path state = folder("state", "rwxr-xr-x");
        Files.createSymbolicLink(state.resolve("link"), outside);

        PrivateDirectories.tighten(state, true);

        assertThat(mode(outside)).isEqualTo("rw-r--r--");
        assertThat(mode(state)).isEqualTo("rwx------");
    }

    @Test
    void withoutContentsOnlyTheFolderChanges() throws Exception {
        Path config = folder("config", "rwxrwxr-x");
        Path workspace = file(config.resolve("workspace.yml"), "rw-r--r--");

        assertThat(PrivateDirectories.tighten(config, false)).isPresent();

        assertThat(mode(config)).isEqualTo("rwx------");
        assertThat(mode(workspace)).as("the workspace keeps its owner's mode").isEqualTo("rw-r--r--");
    }

    @Test
    void aPrivateFolderOrAMissingOneIsNoNews() throws Exception {
        Path state = folder("state", "rwx------");
        Path log = file(state.resolve("a.log"), "rw-r--r--");

        assertThat(PrivateDirectories.tighten(state, true)).isEmpty();
        assertThat(PrivateDirectories.tighten(dir.resolve("missing"), true)).isEmpty();
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(mode(log)).as("a private folder's contents are out of reach already").isEqualTo("rw-r--r--");
    }

    @Test
    void newFoldersAndFilesArePrivateFromTheStart() throws Exception {
        Path deep = PrivateFiles.createDirectories(dir.resolve("a/b/c"));
        try (var out = PrivateFiles.createNew(deep.resolve("x.log"))) {
            out.write('x');
        }

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
        assertThat(mode(deep.resolve("x.log"))).isEqualTo("rw-------");
    }

    private Path folder(String name, String mode) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static Path file(Path p, String mode) throws Exception {
        Files.writeString(p, "x");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
