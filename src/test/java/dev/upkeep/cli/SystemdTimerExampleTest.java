package dev.upkeep.cli;

import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/systemd: the service's ExecStart, run as the unit would run it (its command line, its environment pointed at
 * this build and a workspace of the test fleet), reports a reboot pending for longer than its days and only then;
 * systemd-analyze accepts both unit files.
 */
class SystemdTimerExampleTest {
    private static final Path UNITS = Path.of("docs/systemd");
    private static TestFleet fleet;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        assumeTrue(new File("/usr/bin/jq").canExecute(), "jq is not installed (the example script uses it)");
        fleet = TestFleet.start(2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theUnitsCommandReportsOnlyARebootPendingLongerThanItsDays() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        new WorkspaceStore().save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
        Path upkeep = dir.resolve("upkeep");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(upkeep, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.upkeep.Launcher \"$@\"\n");
        Files.setPosixFilePermissions(upkeep, PosixFilePermissions.fromString("rwx------"));
        fleet.server(0).requireReboot("linux-image-demo");

        fleet.server(0).run("touch -d '10 days ago' /var/run/reboot-required");
        Result overdue = execStart(upkeep, workspace);
        assertThat(overdue.exit).as(overdue.err).isEqualTo(1);
        assertThat(overdue.err).contains("srv01: reboot required since").contains("(linux-image-demo)").doesNotContain("srv02");

        fleet.server(0).run("touch /var/run/reboot-required");
        Result recent = execStart(upkeep, workspace);
        assertThat(recent.exit).as(recent.err).isZero();
        assertThat(recent.err).doesNotContain("srv01");
    }

    @Test
    void systemdAcceptsBothUnitFiles() throws Exception {
        assumeTrue(new File("/usr/bin/systemd-analyze").canExecute(), "systemd-analyze is not installed");
        Path units = Files.createDirectories(dir.resolve("units"));
        // verify wants ExecStart to exist: point it at the script in docs/, otherwise the files as shipped
        Files.writeString(units.resolve("upkeep-status.service"), Files.readString(UNITS.resolve("upkeep-status.service"))
                .replace("/usr/local/bin/upkeep-reboot-overdue", UNITS.resolve("upkeep-reboot-overdue").toAbsolutePath().toString()));
        Files.copy(UNITS.resolve("upkeep-status.timer"), units.resolve("upkeep-status.timer"));
        Process p = new ProcessBuilder("systemd-analyze", "verify", "--man=no", units.resolve("upkeep-status.service").toString(),
                units.resolve("upkeep-status.timer").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("no complaint about our files").doesNotContain("upkeep-status.");
    }

    private record Result(int exit, String err) {
    }

    /** The service's ExecStart= line with its script from docs/, UPKEEP and UPKEEP_WORKSPACE pointed at this test. */
    private static Result execStart(Path upkeep, Path workspace) throws Exception {
        String line = Files.readAllLines(UNITS.resolve("upkeep-status.service")).stream().filter(l -> l.startsWith("ExecStart="))
                .findFirst().orElseThrow().substring("ExecStart=".length());
        List<String> command = new ArrayList<>(List.of(line.split(" ")));
        assertThat(command.get(0)).isEqualTo("/usr/local/bin/upkeep-reboot-overdue");
        command.set(0, UNITS.resolve("upkeep-reboot-overdue").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("UPKEEP", upkeep.toString());
        pb.environment().put("UPKEEP_WORKSPACE", workspace.toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), err);
    }
}
