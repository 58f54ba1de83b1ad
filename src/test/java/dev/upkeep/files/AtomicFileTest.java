package dev.upkeep.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsPrivateWhicheverModeIsAskedFor() throws Exception {
        AtomicFile.write(dir.resolve("a"), "one", AtomicFile.Mode.PRIVATE);
        AtomicFile.write(dir.resolve("b"), "two", AtomicFile.Mode.KEEP_EXISTING);

        assertThat(mode(dir.resolve("a"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("b"))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("b"))).isEqualTo("two");
    }

    @Test
    void keepExistingKeepsTheModeTheOwnerGaveTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("workspace.yml"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFile.write(file, "new", AtomicFile.Mode.KEEP_EXISTING);

        assertThat(mode(file)).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void privateTightensAFileThatWasReadableByOthers() throws Exception {
        Path file = Files.writeString(dir.resolve("summary.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        AtomicFile.write(file, "new", AtomicFile.Mode.PRIVATE);

        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void replacesTheWholeFileAndLeavesNoTempFile() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "a much longer old text than the new one");
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }

        AtomicFile.write(file, big, AtomicFile.Mode.PRIVATE);

        assertThat(Files.readAllBytes(file)).isEqualTo(big);
        AtomicFile.write(file, "short", AtomicFile.Mode.PRIVATE);
        assertThat(Files.readString(file)).isEqualTo("short");
        assertThat(names()).containsExactly("f");
    }

    @Test
    void throughASymlinkTheTargetIsReplacedAndTheLinkKept() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("dotfiles")).resolve("workspace.yml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("workspace.yml"), Path.of("dotfiles/workspace.yml"));

        AtomicFile.write(link, "new", AtomicFile.Mode.KEEP_EXISTING);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("workspace.yml"), dir.resolve("elsewhere.yml"));

        AtomicFile.write(link, "new", AtomicFile.Mode.PRIVATE);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("elsewhere.yml"))).isEqualTo("new");
    }

    @Test
    void aFolderInTheWayIsAnErrorAndStaysAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("workspace.yml"));

        assertThatThrownBy(() -> AtomicFile.write(folder, "x", AtomicFile.Mode.PRIVATE)).hasMessageContaining("is a directory");
        assertThat(folder).isDirectory();
        assertThat(names()).containsExactly("workspace.yml");
    }

    @Test
    void aMissingFolderIsAnErrorNotAStrayFile() {
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("no/such/file"), "x", AtomicFile.Mode.PRIVATE))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void aFileSystemWithoutPosixModesStillSavesCreatesAndIsLeftAlone() throws Exception {
        // a zip file system has no permissions at all, like a FAT USB stick or some network shares
        try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("fs.zip"), Map.of("create", "true"))) {
            assertThat(zip.supportedFileAttributeViews()).doesNotContain("posix");
            Path folder = PrivateFiles.createDirectories(zip.getPath("/config/upkeep"));

            AtomicFile.write(folder.resolve("workspace.yml"), "one", AtomicFile.Mode.KEEP_EXISTING);
            AtomicFile.write(folder.resolve("workspace.yml"), "two", AtomicFile.Mode.PRIVATE);
            try (var out = PrivateFiles.createNew(folder.resolve("a.log"))) {
                out.write('x');
            }

            assertThat(Files.readString(folder.resolve("workspace.yml"))).isEqualTo("two");
            assertThat(folder.resolve("a.log")).exists();
            assertThat(PrivateDirectories.tighten(folder, true)).isEmpty();
        }
    }

    @Test
    void onAFullDiskTheFileIsUnchangedNoTempIsLeftAndTheErrorSaysDiskFull() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Path file = Files.writeString(disk.root().resolve("state.json"), "before");
            disk.fill();

            assertThatThrownBy(() -> AtomicFile.write(file, new byte[64 * 1024], AtomicFile.Mode.PRIVATE))
                    .isInstanceOfSatisfying(DiskFullException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.getMessage()).startsWith("disk full: " + file).contains("unchanged");
                    });

            assertThat(Files.readString(file)).isEqualTo("before");
            assertThat(disk.names()).containsExactly("state.json");
        }
    }

    @Test
    void aShortWriteIsNeverTakenForTheWholeFile() throws Exception {
        // Linux answers a write that only partly fits with the part it wrote, not with an error: the next write
        // of the loop is the one that fails. Saving more than the room left must fail, not save a truncated file.
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Path file = Files.writeString(disk.root().resolve("f"), "before");
            disk.fill(16 * 1024);

            assertThatThrownBy(() -> AtomicFile.write(file, new byte[200 * 1024], AtomicFile.Mode.PRIVATE))
                    .isInstanceOf(DiskFullException.class);

            assertThat(Files.readString(file)).isEqualTo("before");
            assertThat(disk.names()).containsExactly("f");
        }
    }

    private String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private java.util.List<String> names() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
