package dev.upkeep.remote;

import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshException;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Privileged scripts under the real sudo of test-fleet servers: {@code admin}, whose sudo asks for its password,
 * and {@code nopw}, whose sudo never asks. A stand-in in front of sudo records everything sudo is given on stdin,
 * so the tests see exactly where the password went, and where it did not.
 */
class PrivilegedOnRealServersTest {
    private static final String PASSWORD = TestFleet.SUDO_PASSWORD;
    private static final String SCRIPT = "id -u\necho ran-as-root\n";
    private static TestFleet fleet;
    private static SshConnector connector;
    private final List<TestContext> contexts = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
        connector = TestContext.connector(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (connector != null) {
            connector.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void cleanUp() {
        contexts.forEach(TestContext::close);
        for (TestServer s : fleet.servers()) {
            s.run("rm -f /usr/local/bin/sudo /var/tmp/sudo-stdin /etc/sudoers.d/zz-timestamp");
        }
    }

    private TestContext as(TestServer server, String user, SudoPassword password) throws SshException {
        TestContext ctx = TestContext.sudoAs(connector, fleet, server, user, password);
        contexts.add(ctx);
        return ctx;
    }

    private static void standIn(TestServer server, String name) {
        try (InputStream in = PrivilegedOnRealServersTest.class.getResourceAsStream("/testfleet/sudo-standins/" + name)) {
            server.writeFile("/usr/local/bin/sudo", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.run("chmod 0755 /usr/local/bin/sudo");
    }

    /** Everything the real sudo was given on stdin, as the recorder stand-in saw it. */
    private static String sudoStdin(TestServer server) {
        return server.call("cat /var/tmp/sudo-stdin").stdout();
    }

    private CommandResult run(TestContext ctx) throws SshException {
        return Privileged.run(ctx, SCRIPT, (stream, line) -> lines.add(line));
    }

    @Test
    void thePasswordReachesOnlySudosPromptAndTheScriptRunsAsRoot() throws Exception {
        TestServer server = fleet.server(0);
        standIn(server, "recorder");
        ScriptedPassword password = new ScriptedPassword("admin@" + server.name(), PASSWORD);
        CommandResult r = run(as(server, "admin", password));
        assertThat(r.exitStatus()).isZero();
        assertThat(lines).containsExactly("0", "ran-as-root");
        assertThat(sudoStdin(server)).isEqualTo(PASSWORD + "\n" + SCRIPT);
        assertThat(password.accepted).containsExactly(0);
    }

    @Test
    void aServerWhoseSudoDoesNotAskNeverReceivesThePassword() throws Exception {
        TestServer server = fleet.server(1);
        standIn(server, "recorder");
        ScriptedPassword password = new ScriptedPassword("nopw@" + server.name(), PASSWORD);
        CommandResult r = run(as(server, "nopw", password));
        assertThat(r.exitStatus()).isZero();
        assertThat(lines).containsExactly("0", "ran-as-root");
        assertThat(sudoStdin(server)).isEqualTo(SCRIPT);
        assertThat(password.fetched).as("not even fetched from the run's memory").hasValue(0);
    }

    @Test
    void aCachedSudoTimestampMeansTheSecondCommandGetsNoPassword() throws Exception {
        TestServer server = fleet.server(2);
        standIn(server, "recorder");
        // One timestamp for all of admin's sessions: after the first command, sudo stops asking for a while.
        server.writeFile("/etc/sudoers.d/zz-timestamp", "Defaults:admin timestamp_type=global\n".getBytes());
        server.run("chmod 0440 /etc/sudoers.d/zz-timestamp && rm -rf /run/sudo/ts");
        ScriptedPassword password = new ScriptedPassword("admin@" + server.name(), PASSWORD);
        TestContext ctx = as(server, "admin", password);
        run(ctx);
        run(ctx);
        assertThat(lines).containsExactly("0", "ran-as-root", "0", "ran-as-root");
        assertThat(lines).noneMatch(l -> l.contains("not found"));
        assertThat(sudoStdin(server)).isEqualTo(PASSWORD + "\n" + SCRIPT + SCRIPT);
        assertThat(password.fetched).hasValue(1);
    }

    @Test
    void aWrongPasswordIsTriedOnceAndTheServerFailsWithAClearError() throws Exception {
        TestServer server = fleet.server(0);
        standIn(server, "recorder");
        ScriptedPassword password = new ScriptedPassword("admin@" + server.name(), "not-the-password");
        TestContext ctx = as(server, "admin", password);
        assertThatThrownBy(() -> run(ctx)).isInstanceOf(SudoPasswordRejected.class)
                .hasMessageEndingWith("sudo: wrong password for admin@" + server.name());
        assertThat(sudoStdin(server)).as("one attempt, nothing after it").isEqualTo("not-the-password\n");
        assertThat(password.rejected).containsExactly(0);
        assertThat(lines).noneMatch(l -> l.contains("upkeep-sudo-")).noneMatch(l -> l.contains("ran-as-root"));

        // The same server again in this run: sudo is not even tried.
        assertThatThrownBy(() -> run(ctx)).isInstanceOf(SudoPasswordRejected.class);
        assertThat(sudoStdin(server)).isEqualTo("not-the-password\n");
    }

    @Test
    void aWrongPasswordThenTheRightOneOnTheSameServerRunsTheScript() throws Exception {
        TestServer server = fleet.server(1);
        standIn(server, "recorder");
        ScriptedPassword password = new ScriptedPassword("admin@" + server.name(), "not-the-password", PASSWORD);
        CommandResult r = run(as(server, "admin", password));
        assertThat(r.exitStatus()).isZero();
        assertThat(sudoStdin(server)).isEqualTo("not-the-password\n" + PASSWORD + "\n" + SCRIPT);
        assertThat(password.rejected).containsExactly(0);
        assertThat(password.accepted).containsExactly(1);
    }

    @Test
    void noPasswordToGiveFailsWithoutWritingAnything() throws Exception {
        TestServer server = fleet.server(2);
        standIn(server, "recorder");
        TestContext ctx = as(server, "admin", new ScriptedPassword("admin@" + server.name()));
        assertThatThrownBy(() -> run(ctx)).isInstanceOf(SudoException.class)
                .hasMessageEndingWith("sudo: a password is required for admin@" + server.name() + " and none was given");
        assertThat(sudoStdin(server)).isEmpty();
    }

    @Test
    void sudoRefusingTheUserIsReportedInItsOwnWords() throws Exception {
        TestServer server = fleet.server(0);
        server.run("mv /etc/sudoers.d/admin /root/admin.sudoers");
        try {
            TestContext ctx = as(server, "admin", new ScriptedPassword("admin@" + server.name(), PASSWORD));
            assertThatThrownBy(() -> run(ctx)).isInstanceOf(SudoException.class)
                    .hasMessageContaining("sudo did not run the command for admin@" + server.name())
                    .hasMessageContaining("not in the sudoers file");
            assertThat(lines).noneMatch(l -> l.contains("ran-as-root"));
        } finally {
            server.run("mv /root/admin.sudoers /etc/sudoers.d/admin");
        }
    }

    @Test
    void aPromptThatArrivesInPiecesIsStillAnswered() throws Exception {
        TestServer server = fleet.server(1);
        standIn(server, "split-prompt");
        CommandResult r = Privileged.run(as(server, "admin", new ScriptedPassword("admin@" + server.name(), PASSWORD)),
                "echo started\n", (stream, line) -> lines.add(line));
        assertThat(r.exitStatus()).isZero();
        assertThat(lines).containsExactly("started");
    }

    @Test
    void sudoAskingSomethingElseIsEndedAfterTheTimeoutWithoutAnAnswer() throws Exception {
        TestServer server = fleet.server(2);
        standIn(server, "pam-prompt");
        ScriptedPassword password = new ScriptedPassword("admin@" + server.name(), PASSWORD);
        TestContext ctx = as(server, "admin", password);
        assertThatThrownBy(() -> Privileged.run(ctx, SCRIPT, (stream, line) -> lines.add(line), Duration.ofSeconds(2)))
                .isInstanceOf(SudoException.class).hasMessageContaining("did not start the command within 2 s");
        assertThat(password.fetched).hasValue(0);
    }

    @Test
    void rootNeedsNoSudoAtAll() throws Exception {
        TestServer server = fleet.server(0);
        standIn(server, "recorder");
        TestContext ctx = TestContext.root(connector, fleet, server);
        contexts.add(ctx);
        CommandResult r = Privileged.run(ctx, SCRIPT, (stream, line) -> lines.add(line));
        assertThat(r.exitStatus()).isZero();
        assertThat(lines).containsExactly("0", "ran-as-root");
        assertThat(server.call("test -e /var/tmp/sudo-stdin").exitCode()).isNotZero();
    }
}
