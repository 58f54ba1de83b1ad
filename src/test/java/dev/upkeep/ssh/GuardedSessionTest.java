package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop that comes as a command ends must not send a request to its closed channel: OpenSSH drops the whole
 * connection for that ("server_input_channel_req: unknown channel 0"), and every other command on it with it.
 */
class GuardedSessionTest {
    @TempDir
    static Path dir;
    static SshTestBed bed;
    static LocalSshd sshd;

    @BeforeAll
    static void start() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        bed.key("id_ed25519", "ed25519", "");
        sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** sshj as it is, without Upkeep's connector: this test is about one channel. */
    private static SSHClient client() throws IOException {
        SSHClient client = new SSHClient();
        client.loadKnownHosts(bed.knownHosts.toFile());
        client.connect("127.0.0.1", sshd.port());
        client.authPublickey("root", dir.resolve("id_ed25519").toString());
        return client;
    }

    private static String run(SSHClient client, String command) throws IOException {
        try (Session s = client.startSession()) {
            Session.Command cmd = s.exec(command);
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            cmd.join(10, TimeUnit.SECONDS);
            return out;
        }
    }

    @Test
    void aSignalAfterTheCommandEndedIsNotSentAndTheConnectionGoesOn() throws Exception {
        try (SSHClient client = client()) {
            GuardedSession session = GuardedSession.open(client);
            session.exec("true").join(10, TimeUnit.SECONDS); // the server closed the channel, sshj answered CLOSE

            assertThat(session.isOpen()).isFalse();
            assertThat(session.signalIfOpen(Signal.TERM)).as("nothing sent to the closed channel").isFalse();
            session.signal(Signal.KILL); // the unguarded name is guarded too (DialogueSink, sshj's own callers)

            assertThat(run(client, "echo still-connected")).isEqualTo("still-connected");
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void sshjsOwnLoggingAboutTheChannelKeepsSshjsNameWhichUpkeepSilences() {
        assertThat(GuardedSession.SSHJ_LOG_NAMES.getLogger(GuardedSession.class).getName())
                .isEqualTo("net.schmizz.sshj.connection.channel.direct.SessionChannel");
        assertThat(GuardedSession.SSHJ_LOG_NAMES.getLogger(SshConnector.class).getName()).isEqualTo(SshConnector.class.getName());
    }

    @Test
    void aSignalWhileTheCommandRunsIsSent() throws Exception {
        try (SSHClient client = client()) {
            GuardedSession session = GuardedSession.open(client);
            Session.Command cmd = session.exec("cat"); // runs until its stdin ends

            assertThat(session.signalIfOpen(Signal.TERM)).isTrue(); // sshd ignores it for a root login; cat goes on
            cmd.getOutputStream().close();
            cmd.join(10, TimeUnit.SECONDS);
            assertThat(cmd.isOpen()).isFalse();
            assertThat(run(client, "echo still-connected")).isEqualTo("still-connected");
        }
    }

    @Test
    void cancellingOnACommandsLastLineNeverDropsTheConnection() throws Exception {
        try (SshConnection connection = bed.connector().connect(SshTestBed.request(sshd, dir.resolve("id_ed25519")))) {
            for (int i = 0; i < 40; i++) {
                Cancellation cancel = new Cancellation();
                try {
                    // The cancel's stop runs on a worker while the server ends the command and closes its channel.
                    connection.exec("echo last", (stream, line) -> cancel.cancel(), cancel);
                } catch (CommandCancelledException expected) {
                    // the usual outcome; the command may also have ended first
                }
                assertThat(connection.run("echo alive-" + i, Cancellation.none()).stdout()).as("round " + i)
                        .isEqualTo("alive-" + i);
            }
            assertThat(connection.isOpen()).isTrue();
        }
    }
}
