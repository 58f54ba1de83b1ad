package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs across both kinds of server at once, through the runner as the window and the command line use it:
 * {@code admin}, whose sudo asks for its password, and {@code nopw}, whose sudo never asks.
 */
class SudoRunOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Deque<String> typed = new ArrayDeque<>();
    private final SudoSession sudo = new SudoSession((title, question) -> {
        questions.add(question);
        synchronized (typed) {
            String next = typed.poll();
            return next == null ? null : next.toCharArray();
        }
    });

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private Workspace workspace(TestServer admin, TestServer nopw) {
        return FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop", null, null, null,
                List.of(FleetWorkspaces.server(fleet, admin, "admin", true), FleetWorkspaces.server(fleet, nopw, "nopw", true)))));
    }

    private static ServerResult result(RunSummary s, TestServer server) {
        return s.results().stream().filter(r -> r.server().server().equals(server.name())).findFirst().orElseThrow();
    }

    private static void assertNoSecretOrDialogueIn(RecordingListener events) {
        List<String> all = events.events.stream().map(Object::toString).toList();
        assertThat(all).noneMatch(e -> e.contains(TestFleet.SUDO_PASSWORD)).noneMatch(e -> e.contains("not found"))
                .noneMatch(e -> e.contains("upkeep-sudo-"));
    }

    @Test
    void aPreflightAndItsRunOnBothKindsAskOnceOnlyForTheServerWhoseSudoAsks() throws Exception {
        TestServer admin = fleet.server(0);
        TestServer nopw = fleet.server(1);
        typed.add(TestFleet.SUDO_PASSWORD);
        Workspace ws = workspace(admin, nopw);
        RunPlanner planner = new RunPlanner(UpgradeHooks.NONE);
        RunOptions options = RunOptions.security(10);
        RecordingListener events = new RecordingListener();
        try (PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
             Runner runner = new Runner(connections, sudo)) {
            RunSummary preflight = runner.start(planner.preflight(ws, ServerRef.all(ws), options), events)
                    .completion().get(3, TimeUnit.MINUTES);
            assertThat(preflight.allSucceeded()).as(preflight.toString()).isTrue();
            RunSummary run = runner.start(planner.plan(ws, ServerRef.all(ws), options), events)
                    .completion().get(5, TimeUnit.MINUTES);
            assertThat(result(run, admin).outcome()).as(result(run, admin).message()).isEqualTo(RunStep.DONE);
            assertThat(result(run, nopw).outcome()).as(result(run, nopw).message()).isEqualTo(RunStep.DONE);
            assertThat(result(run, admin).upgraded()).containsExactly("upkeep-sec-demo 1.1");
            assertThat(result(run, nopw).upgraded()).containsExactly("upkeep-sec-demo 1.1");
        } finally {
            sudo.close();
        }
        assertThat(questions).containsExactly("sudo password for admin@" + admin.name());
        assertThat(events.lines(admin.name())).contains("upkeep: sudo asks admin@" + admin.name() + " for a password here");
        assertThat(events.lines(nopw.name())).contains("upkeep: sudo runs without a password here");
        assertNoSecretOrDialogueIn(events);
    }

    @Test
    void aWrongPasswordIsAskedForAgainOnceThenThatServerFailsAndTheOtherGoesOn() throws Exception {
        TestServer admin = fleet.server(2);
        TestServer nopw = fleet.server(1);
        typed.addAll(List.of("wrong-once", "wrong-twice", "never-asked"));
        Workspace ws = workspace(admin, nopw);
        RecordingListener events = new RecordingListener();
        RunSummary s;
        try (PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
             Runner runner = new Runner(connections, sudo)) {
            s = runner.start(new RunPlanner(UpgradeHooks.NONE).preflight(ws, ServerRef.all(ws), RunOptions.security(10)),
                    events).completion().get(3, TimeUnit.MINUTES);
        } finally {
            sudo.close();
        }
        assertThat(questions).containsExactly("sudo password for admin@" + admin.name(),
                "sudo: wrong password for admin@" + admin.name() + ". Type it again (asked once more only)");
        assertThat(result(s, admin).outcome()).isEqualTo(RunStep.FAILED);
        assertThat(result(s, admin).message()).contains("sudo: wrong password for admin@" + admin.name());
        assertThat(result(s, nopw).outcome()).as(result(s, nopw).message()).isEqualTo(RunStep.DONE);
        assertNoSecretOrDialogueIn(events);
        assertThat(s.toString()).doesNotContain("wrong-once").doesNotContain("wrong-twice");
    }

    @Test
    void aWrongPasswordThenTheRightOneRunsEverywhere() throws Exception {
        TestServer admin = fleet.server(2);
        TestServer nopw = fleet.server(1);
        typed.addAll(List.of("wrong-once", TestFleet.SUDO_PASSWORD));
        Workspace ws = workspace(admin, nopw);
        RunSummary s;
        try (PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
             Runner runner = new Runner(connections, sudo)) {
            s = runner.start(new RunPlanner(UpgradeHooks.NONE).preflight(ws, ServerRef.all(ws), RunOptions.security(10)))
                    .completion().get(3, TimeUnit.MINUTES);
        } finally {
            sudo.close();
        }
        assertThat(questions).hasSize(2);
        assertThat(s.allSucceeded()).as(s.toString()).isTrue();
    }
}
