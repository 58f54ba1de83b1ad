package dev.upkeep.demo;

import dev.upkeep.files.PrivateFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The demo's private temporary folder: made 0700 from the start, its files written through {@code dev.upkeep.files}
 * (0600 from their first byte, like every file Upkeep writes), and all of it deleted on close.
 */
final class DemoFolder {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DemoFolder() {
    }

    static Path create() throws IOException {
        return POSIX ? Files.createTempDirectory("upkeep-demo-", PosixFilePermissions.asFileAttribute(PrivateFiles.DIRECTORY))
                : Files.createTempDirectory("upkeep-demo-");
    }

    static Path directory(Path dir) throws IOException {
        return PrivateFiles.createDirectories(dir);
    }

    static Path write(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the file (it must not exist) with mode 0600, then writes it. */
    static Path write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = PrivateFiles.createNew(file)) {
            out.write(bytes);
        }
        return file;
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left (and logged by the caller). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
