package dev.upkeep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A copy of the ./upkeep launcher over the built jar, so that tests of its class-data archives leave the worktree's
 * own archives alone: its sources are older than the jar (it never builds), target/lib links to the real one.
 */
final class LauncherCopy {
    private LauncherCopy() {
    }

    static void make(Path copy) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        assumeTrue(Files.isRegularFile(repo.resolve("target/upkeep.jar")) && Files.isDirectory(repo.resolve("target/lib")),
                "needs the packaged jar and target/lib (mvn package)");
        Files.createDirectories(copy.resolve("src/main"));
        Files.writeString(copy.resolve("pom.xml"), "");
        Files.copy(repo.resolve("upkeep"), copy.resolve("upkeep"));
        Files.setPosixFilePermissions(copy.resolve("upkeep"), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(copy.resolve("target"));
        Files.copy(repo.resolve("target/upkeep.jar"), copy.resolve("target/upkeep.jar"));
        Files.createSymbolicLink(copy.resolve("target/lib"), repo.resolve("target/lib"));
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(copy.resolve("src/main"), old);
        Files.setLastModifiedTime(copy.resolve("pom.xml"), old);
    }
}
