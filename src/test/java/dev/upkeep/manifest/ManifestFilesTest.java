package dev.upkeep.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestFilesTest {
    private final ManifestFiles files = new ManifestFiles();

    @TempDir
    Path dir;

    @Test
    void saveWritesTheNewBytesAndKeepsThePreviousVersionAsBak() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\r\n");
        OpenedManifest opened = files.open(file);

        OpenedManifest saved = files.save(opened, "a: 2\r\n");

        assertThat(Files.readAllBytes(file)).isEqualTo("a: 2\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve("Manifest.yml.bak"))).isEqualTo("a: 1\r\n");
        assertThat(saved.text()).isEqualTo("a: 2\r\n");
        assertThat(files.changedOnDisk(saved)).isFalse();
    }

    @Test
    void saveLeavesNoTempFilesBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");

        files.save(files.open(file), "a: 2\n");

        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Manifest.yml", "Manifest.yml.bak");
        }
    }

    @Test
    void saveKeepsTheFilesPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        files.save(files.open(file), "a: 2\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theManifestKeepsItsModeAndTheBackupIsPrivate() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        files.save(files.open(file), "a: 2\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("Manifest.yml.bak")))).isEqualTo("rw-------");
    }

    @Test
    void aFileReplacedByAHugeOneCountsAsChangedWithoutBeingRead() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        OpenedManifest opened = files.open(file);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: takes no disk, fits in no array
        }

        assertThat(files.changedOnDisk(opened)).isTrue();
        assertThatThrownBy(() -> files.save(opened, "a: 2\n")).isInstanceOfSatisfying(ChangedOnDiskException.class,
                e -> assertThat(e.onDisk()).isNull());
        assertThat(Files.size(file)).isEqualTo(3L * 1024 * 1024 * 1024);
    }

    @Test
    void saveRefusesWhenTheFileChangedOnDiskAndShowsAllThreeVersions() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        OpenedManifest opened = files.open(file);
        Files.writeString(file, "a: 9\n");

        assertThatThrownBy(() -> files.save(opened, "a: 2\n"))
                .isInstanceOfSatisfying(ChangedOnDiskException.class, e -> {
                    assertThat(e.opened().text()).isEqualTo("a: 1\n");
                    assertThat(e.onDisk()).isEqualTo("a: 9\n");
                    assertThat(e.mine()).isEqualTo("a: 2\n");
                });
        assertThat(Files.readString(file)).isEqualTo("a: 9\n");
        assertThat(dir.resolve("Manifest.yml.bak")).doesNotExist();
    }

    @Test
    void touchingTheFileWithoutChangingItIsNotAChange() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        OpenedManifest opened = files.open(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(files.changedOnDisk(opened)).isFalse();
    }

    @Test
    void aDeletedFileCountsAsChanged() throws Exception {
        Path file = Files.writeString(dir.resolve("Manifest.yml"), "a: 1\n");
        OpenedManifest opened = files.open(file);
        Files.delete(file);

        assertThat(files.changedOnDisk(opened)).isTrue();
    }

    @Test
    void invalidUtf8IsALocatedError() throws Exception {
        Path file = dir.resolve("Manifest.yml");
        Files.write(file, new byte[]{'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, '(', '\n'});

        assertThatThrownBy(() -> files.open(file)).isInstanceOfSatisfying(ManifestReadException.class, e -> {
            assertThat(e.problem().line()).isEqualTo(2);
            assertThat(e.problem().column()).isEqualTo(4);
            assertThat(e.problem().message()).contains("not UTF-8").contains("0xC3");
        });
    }

    @Test
    void bomAndCrlfSurviveOpenAndSaveUnchanged() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpus.good("10-bom.yml"));
        Path file = Files.write(dir.resolve("Manifest.yml"), bytes);
        OpenedManifest opened = files.open(file);

        files.save(opened, opened.text());

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void missingFileIsAReadableError() {
        assertThatThrownBy(() -> files.open(dir.resolve("nope.yml")))
                .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.problem().message()).contains("no such file"));
    }

    @Test
    void savingThroughASymlinkKeepsTheLinkAndWritesTheTarget() throws Exception {
        Path real = Files.writeString(dir.resolve("real.yml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("Manifest.yml"), real);

        files.save(files.open(link), "a: 2\n");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("a: 2\n");
        assertThat(Files.readString(dir.resolve("real.yml.bak"))).isEqualTo("a: 1\n");
    }

    @Test
    void backupSitsBesideTheFile() {
        assertThat(ManifestFiles.backupOf(Path.of("/x/app/Manifest.yml"))).isEqualTo(Path.of("/x/app/Manifest.yml.bak"));
    }
}
