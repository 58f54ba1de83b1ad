package dev.upkeep.cli;

import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run (security upgrades on a test-fleet server, through the command line) and then every folder and file
 * Upkeep left in its config and state folders: all of it private to the user.
 */
class PrivateStateOnRealServersTest {
    @TempDir
    Path home;

    @Test
    void everythingARealRunLeavesOnDiskIsPrivateToTheUser() throws Exception {
        TestFleet.assumeAvailable();
        Path config = home.resolve(".config/upkeep");
        Path state = home.resolve(".local/state/upkeep");
        try (TestFleet fleet = TestFleet.start(1)) {
            Workspace ws = FleetWorkspaces.of(fleet, config, fleet.knownHosts(), List.of(fleet.server(0)));
            new WorkspaceStore().save(ws);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                    .withPrivateState(new PrivateState(config, state)));
            ((UpgradeCommand) cl.getSubcommands().get("upgrade").getCommand()).services = new FleetUpgradeServices(state, UpgradeHooks.NONE);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));

            int exit = cl.execute("--workspace", ws.file().toString(), "upgrade", "--security", "--yes");

            assertThat(exit).as(err.toString()).isZero();
        }
        Map<String, String> modes = modesBelow(home);
        assertThat(modes).as("what the run wrote").containsKeys(".config/upkeep/workspace.yml", ".local/state/upkeep/runs")
                .hasKeySatisfying(new org.assertj.core.api.Condition<>(k -> k.endsWith("/summary.json"), "a summary"))
                .hasKeySatisfying(new org.assertj.core.api.Condition<>(k -> k.endsWith("--srv01.log"), "a server log"));
        assertThat(modes).allSatisfy((path, mode) -> assertThat(mode)
                .isEqualTo(Files.isDirectory(home.resolve(path), LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------"));
    }

    private static Map<String, String> modesBelow(Path root) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.skip(1).toList()) {
                modes.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return modes;
    }
}
