package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys held by a real ssh-agent log in to a real sshd; the key files are out of reach of the connector. */
class AgentAuthenticationTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    LocalSshd sshd;
    TestAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        agent = TestAgent.start(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (agent != null) {
            agent.close();
        }
        bed.close();
    }

    /** Agent only: the connector gets an empty config and no identity file, and the key file is deleted. */
    private SshConnection connectWithAgentOnly() throws SshException {
        SshOptions options = bed.options().withAgentSocket(agent.socket);
        return bed.connector(options, PassphraseProvider.NONE)
                .connect(new ConnectRequest("127.0.0.1", sshd.port(), "root", dir.resolve("no-such-key")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void agentKeyLogsIn(String type) throws Exception {
        Path key = bed.key("agent_" + type, type, "");
        agent.add(key);
        Files.delete(key);
        try (SshConnection c = connectWithAgentOnly()) {
            assertThat(c.run("echo agent", Cancellation.none()).stdout()).isEqualTo("agent");
        }
        assertThat(sshd.log()).contains("Accepted publickey for root");
    }

    @Test
    void listsIdentitiesWithComments() throws Exception {
        agent.add(bed.key("listed", "ed25519", ""));
        List<AgentIdentity> ids = new AgentClient(agent.socket).identities();
        assertThat(ids).singleElement().satisfies(id -> {
            assertThat(id.keyType()).isEqualTo("ssh-ed25519");
            assertThat(id.comment()).isEqualTo("listed");
            assertThat(id.fingerprint()).isEqualTo(TestKeys.run("ssh-keygen", "-lf", dir.resolve("listed.pub").toString()).split(" ")[1]);
        });
    }

    @Test
    void failedAuthListsTheAgentKeysTried() throws Exception {
        Path stranger = TestKeys.create(dir, "stranger", "ed25519", "", dir.resolve("unused_authorized_keys"));
        agent.add(stranger);
        assertThatThrownBy(this::connectWithAgentOnly)
                .isInstanceOfSatisfying(AuthFailedException.class,
                        e -> assertThat(e.tried()).singleElement().asString().startsWith("agent key ssh-ed25519").contains("stranger"));
    }

    @Test
    void identitiesOnlyKeepsUnrelatedAgentKeysOut() throws Exception {
        Path inAgent = bed.key("in_agent", "ed25519", "");
        agent.add(inAgent);
        Path other = TestKeys.create(dir, "other", "ed25519", "", dir.resolve("unused_authorized_keys"));
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host *\n  IdentitiesOnly yes\n  IdentityFile " + other + "\n");
        SshOptions options = bed.options().withAgentSocket(agent.socket).withSshConfig(config);
        assertThatThrownBy(() -> bed.connector(options, PassphraseProvider.NONE)
                .connect(new ConnectRequest("127.0.0.1", sshd.port(), "root", null)))
                .isInstanceOfSatisfying(AuthFailedException.class,
                        e -> assertThat(e.tried()).noneMatch(t -> t.contains("in_agent")));
    }
}
