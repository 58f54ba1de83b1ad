package dev.upkeep.cli;

import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders an older version left open (0755) are made private before any command runs, and stderr says so once. */
class PrivateFoldersNoticeTest {
    @TempDir
    Path dir;

    @Test
    void anyCommandFirstMakesOpenFoldersPrivateAndSaysSoOnStderrOnce() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/upkeep"));
        Path state = Files.createDirectories(dir.resolve("state/upkeep"));
        Path oldRun = Files.createDirectories(state.resolve("runs/20261125T100000Z-oldold"));
        Path oldLog = Files.writeString(oldRun.resolve("shop--web1.log"), "yesterday's output\n");
        for (Path p : new Path[]{config, state, state.resolve("runs"), oldRun}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));
        Path manifest = Files.writeString(dir.resolve("Manifest.yml"), "docker:\n  configuration:\n    docker_version: 24.0.7\n");

        StringWriter err = new StringWriter();
        int exit = run(new PrivateState(config, state), err, "manifest", "validate", manifest.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("upkeep: Made " + config + " private: it was rwxr-xr-x")
                .contains("upkeep: Made " + state + " private").contains("3 file(s) and folder(s)");
        for (Path p : new Path[]{config, state, state.resolve("runs"), oldRun}) {
            assertThat(mode(p)).as("%s", p).isEqualTo("rwx------");
        }
        assertThat(mode(oldLog)).isEqualTo("rw-------");

        StringWriter again = new StringWriter();
        run(new PrivateState(config, state), again, "manifest", "validate", manifest.toString());
        assertThat(again.toString()).doesNotContain("private");
    }

    private static int run(PrivateState state, StringWriter err, String... args) {
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), () -> null).withPrivateState(state));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
