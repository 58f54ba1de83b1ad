package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HostKeyAlgorithms, PubkeyAcceptedAlgorithms and KexAlgorithms from ~/.ssh/config change what Upkeep offers
 * that host, against a real sshd; a config that leaves nothing to offer fails before any connection.
 */
class AlgorithmOptionsTest {
    @TempDir
    Path dir;
    SshTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private SshConnector withConfig(LocalSshd sshd, String... options) throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host target\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  User root\n"
                + String.join("", List.of(options).stream().map(o -> "  " + o + "\n").toList()));
        return bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
    }

    private static ConnectRequest target(Path key) {
        return new ConnectRequest("target", null, null, key);
    }

    @Test
    void hostKeyAlgorithmsChooseWhichHostKeyTheServerShows() throws Exception {
        Path key = bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", LocalSshd.ALL_HOST_KEYS);
        for (String type : LocalSshd.ALL_HOST_KEYS) {
            bed.trust(sshd, type);
        }

        try (SshConnection c = withConfig(sshd, "HostKeyAlgorithms rsa-sha2-256,ssh-ed25519").connect(target(key))) {
            assertThat(c.negotiated().hostKey()).isEqualTo("rsa-sha2-256");
        }
        try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            assertThat(c.negotiated().hostKey()).isEqualTo("ssh-ed25519");
        }
    }

    @Test
    void pubkeyAcceptedAlgorithmsDecideHowAnRsaKeySigns() throws Exception {
        Path key = bed.key("id_rsa", "rsa", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"), List.of("PubkeyAcceptedAlgorithms rsa-sha2-512"));
        bed.trust(sshd, "ed25519");

        assertThatThrownBy(() -> withConfig(sshd, "PubkeyAcceptedAlgorithms rsa-sha2-256").connect(target(key)).close())
                .isInstanceOf(AuthFailedException.class);
        try (SshConnection c = withConfig(sshd, "PubkeyAcceptedAlgorithms ^rsa-sha2-512").connect(target(key))) {
            assertThat(c.run("echo in", Cancellation.none()).stdout()).isEqualTo("in");
        }
        assertThat(sshd.log()).contains("signature algorithm rsa-sha2-256 not in PubkeyAcceptedAlgorithms")
                .contains("Accepted publickey for root");
    }

    @Test
    void anRsaKeyFallsBackToTheNextAcceptedSignatureAlgorithm() throws Exception {
        Path key = bed.key("id_rsa", "rsa", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"), List.of("PubkeyAcceptedAlgorithms rsa-sha2-256"));
        bed.trust(sshd, "ed25519");

        try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            assertThat(c.run("echo in", Cancellation.none()).stdout()).isEqualTo("in");
        }
    }

    @Test
    void aKeyWhoseTypeTheConfigDoesNotAcceptIsNotUsed() throws Exception {
        Path key = bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");

        assertThatThrownBy(() -> withConfig(sshd, "PubkeyAcceptedAlgorithms -ssh-ed25519*").connect(target(key)).close())
                .isInstanceOfSatisfying(AuthFailedException.class, e -> assertThat(e.tried()).singleElement().asString()
                        .contains("PubkeyAcceptedAlgorithms allows no signature algorithm for its ssh-ed25519 key"));
        assertThat(sshd.log()).doesNotContain("Accepted publickey");
    }

    @Test
    void aConfigThatLeavesNoKeyExchangeFailsBeforeConnectingAndSaysWhere() throws Exception {
        Path key = bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        SshConnector connector = withConfig(sshd, "KexAlgorithms -*");
        // sshd logs each connection a little after accepting it: first LocalSshd's own check that it listens.
        await().until(() -> connections(sshd) >= 1);

        assertThatThrownBy(() -> connector.connect(target(key)))
                .isInstanceOf(SshException.class)
                .hasMessageContaining(dir.resolve("ssh_config") + ":5: KexAlgorithms -* leaves no key exchange algorithm"
                        + " that Upkeep supports for target");
        // A marker connection after the attempt: once it is logged, an earlier one by Upkeep would be too.
        try (Socket marker = new Socket(InetAddress.getLoopbackAddress(), sshd.port())) {
            await().until(() -> connections(sshd) >= 2);
        }
        assertThat(connections(sshd)).as("the check's and the marker's connections only").isEqualTo(2);
    }

    private static int connections(LocalSshd sshd) throws Exception {
        return sshd.log().split("Connection from", -1).length - 1;
    }

    @Test
    void anAlgorithmUpkeepLacksIsSkippedAndTheRestIsOffered() throws Exception {
        Path key = bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"), List.of("Ciphers aes128-ctr"));
        bed.trust(sshd, "ed25519");

        try (SshConnection c = withConfig(sshd, "MACs umac-128@openssh.com,hmac-sha2-512").connect(target(key))) {
            assertThat(c.negotiated().macClientToServer()).isEqualTo("hmac-sha2-512");
        }
    }
}
