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

/** ProxyJump through a second real sshd, both on loopback, configured in an ssh_config file. */
class ProxyJumpTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    LocalSshd jump;
    LocalSshd target;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        Path key = bed.key("id_ed25519", "ed25519", "");
        jump = bed.sshd("jump", List.of("ed25519"));
        target = bed.sshd("target", List.of("ecdsa"));
        config = dir.resolve("ssh_config");
        Files.writeString(config, """
                Host jumpbox
                  HostName 127.0.0.1
                  Port %d
                Host inner
                  HostName 127.0.0.1
                  Port %d
                  ProxyJump jumpbox
                Host *
                  User root
                  IdentityFile %s
                  IdentitiesOnly yes
                """.formatted(jump.port(), target.port(), key));
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private SshConnector connector() {
        return bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
    }

    @Test
    void connectsThroughTheJumpHost() throws Exception {
        bed.trust(jump, "ed25519");
        bed.trust(target, "ecdsa");
        try (SshConnection c = connector().connect(ConnectRequest.of("inner"))) {
            assertThat(c.run("echo via jump", Cancellation.none()).stdout()).isEqualTo("via jump");
            // The target's connection must come out of the jump host: without it the target is gone.
            jump.kill();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !c.isOpen());
        }
    }

    @Test
    void unknownJumpHostKeyIsRefusedNamingTheJumpHost() throws Exception {
        bed.trust(target, "ecdsa");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOfSatisfying(HostKeyUnknownException.class, e -> {
                    assertThat(e.port()).isEqualTo(jump.port());
                    assertThat(e.getMessage()).contains("jump host");
                });
    }

    @Test
    void targetHostKeyIsCheckedBehindTheJumpHost() throws Exception {
        bed.trust(jump, "ed25519");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOfSatisfying(HostKeyUnknownException.class, e -> {
                    assertThat(e.port()).isEqualTo(target.port());
                    assertThat(e.keyType()).isEqualTo("ecdsa-sha2-nistp256");
                });
    }

    @Test
    void closedTargetPortBehindJumpIsUnreachable() throws Exception {
        bed.trust(jump, "ed25519");
        bed.trust(target, "ecdsa");
        target.kill();
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("jump host");
    }
}
