package dev.upkeep.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedReadTest {
    @TempDir
    Path dir;

    @Test
    void aFileUpToTheCapIsReadWhole() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[100]);

        assertThat(BoundedRead.read(file, 100)).hasSize(100);
    }

    @Test
    void aFileOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GiB that take no disk
        }

        assertThatThrownBy(() -> BoundedRead.read(file, 1_000_000)).isInstanceOfSatisfying(BoundedRead.FileTooLargeException.class, e -> {
            assertThat(e.size()).isEqualTo(3L * 1024 * 1024 * 1024);
            assertThat(e.getMessage()).contains(file.toString()).contains("the limit is 1000000");
        });
    }

    @Test
    void anEndlessDeviceIsNotAFile() {
        assertThatThrownBy(() -> BoundedRead.read(Path.of("/dev/zero"), 1_000_000)).hasMessageContaining("not a regular file");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> BoundedRead.read(dir.resolve("none"), 10)).isInstanceOf(NoSuchFileException.class);
    }
}
