package dev.upkeep.cli;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upkeep upgrade --security} as a person runs it, in its own JVM on a pseudo-terminal, across both kinds of
 * test-fleet server in one run: {@code admin}, whose sudo asks for its password, and {@code nopw}, whose sudo
 * never asks.
 */
class SudoCliOnRealServersTest {
    private static final String PASSWORD = TestFleet.SUDO_PASSWORD;
    private static final Duration PROMPT = Duration.ofSeconds(90);
    private static final Duration RUN = Duration.ofMinutes(4);
    private static TestFleet fleet;
    @TempDir
    Path dir;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(5);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private Path workspace(TestServer admin, TestServer nopw) throws Exception {
        Workspace ws = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop", null, null,
                null, List.of(FleetWorkspaces.server(fleet, admin, "admin", true), FleetWorkspaces.server(fleet, nopw, "nopw", true)))));
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    private Map<String, String> env() throws Exception {
        return Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    private static List<String> upgrade(Path ws, String... more) {
        List<String> args = new ArrayList<>(List.of("--workspace", ws.toString(), "upgrade", "--security"));
        args.addAll(List.of(more));
        return CliPty.upkeep(args.toArray(String[]::new));
    }

    @Test
    void onBothKindsThePasswordIsTypedOnceWithoutEchoAndBothServersAreUpgraded() throws Exception {
        TestServer admin = fleet.server(0);
        TestServer nopw = fleet.server(1);
        try (CliPty cli = CliPty.start(CliPty.line(upgrade(workspace(admin, nopw))), env())) {
            cli.awaitScreen("sudo password for", PROMPT);
            cli.type(PASSWORD + "\r");
            cli.awaitScreen("Apply these upgrades now? [y/N]", PROMPT);
            cli.type("y\r");
            int exit = cli.awaitExit(RUN);
            String screen = cli.screen();
            assertThat(exit).as(screen).isZero();
            assertThat(CliPty.count(screen, "sudo password for")).as(screen).isEqualTo(1);
            assertThat(screen).contains("sudo password for admin@" + admin.name() + ": ")
                    .doesNotContain(PASSWORD).doesNotContain("not found").doesNotContain("upkeep-sudo-")
                    .containsPattern("shop/" + admin.name() + " +done .* upkeep-sec-demo 1.1")
                    .containsPattern("shop/" + nopw.name() + " +done .* upkeep-sec-demo 1.1");
        }
    }

    @Test
    void withStdoutPipedThePasswordIsAskedOnTheTerminalWithoutEcho() throws Exception {
        TestServer admin = fleet.server(2);
        TestServer nopw = fleet.server(4);
        String piped = CliPty.line(upgrade(workspace(admin, nopw), "--dry-run")) + " | cat";
        try (CliPty cli = CliPty.start(piped, env())) {
            cli.awaitScreen("sudo password for", PROMPT);
            cli.type(PASSWORD + "\r");
            int exit = cli.awaitExit(RUN);
            String screen = cli.screen();
            assertThat(exit).as(screen).isZero();
            assertThat(screen).doesNotContain(PASSWORD)
                    .contains("shop/" + admin.name() + ": 1 security update(s) would be applied")
                    .contains("shop/" + nopw.name() + ": ");
        }
    }

    @Test
    void aWrongPasswordIsAskedForAgainOnceThenThatServerFailsAndTheOtherIsUpgraded() throws Exception {
        TestServer admin = fleet.server(3);
        TestServer nopw = fleet.server(4);
        try (CliPty cli = CliPty.start(CliPty.line(upgrade(workspace(admin, nopw), "--yes")), env())) {
            cli.awaitScreen("sudo password for", PROMPT);
            cli.type("Upk33p-wr0ng-1\r");
            cli.awaitScreen("sudo: wrong password for admin@" + admin.name() + ". Type it again (asked once more only): ", PROMPT);
            cli.type("Upk33p-wr0ng-2\r");
            int exit = cli.awaitExit(RUN);
            String screen = cli.screen();
            assertThat(exit).as(screen).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(CliPty.count(screen, "sudo password for")).as(screen).isEqualTo(1);
            assertThat(CliPty.count(screen, "Type it again")).as("asked again once, never a third time:\n" + screen)
                    .isEqualTo(1);
            assertThat(screen).contains(admin.name() + " = failed").contains("sudo: wrong password for admin@" + admin.name())
                    .containsPattern("shop/" + nopw.name() + " +done")
                    .doesNotContain("Upk33p-wr0ng").doesNotContain("not found");
        }
    }

    @Test
    void withoutATerminalNothingIsReadFromAPipeAndTheServerThatNeedsAPasswordSaysWhy() throws Exception {
        TestServer admin = fleet.server(3);
        TestServer nopw = fleet.server(4);
        // setsid: no controlling terminal at all (as from cron or CI); the password arrives on stdin, unasked.
        List<String> command = new ArrayList<>(List.of("setsid", "-w"));
        command.addAll(upgrade(workspace(admin, nopw), "--yes"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env());
        Process p = builder.start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out).contains("no terminal to ask on")
                .contains("sudo: a password is required for admin@" + admin.name() + " and none was given")
                .containsPattern("shop/" + nopw.name() + " +done")
                .doesNotContain(PASSWORD).doesNotContain("not found");
    }
}
