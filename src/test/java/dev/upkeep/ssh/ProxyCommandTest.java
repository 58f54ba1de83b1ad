package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxyCommand from ~/.ssh/config, run for real: OpenSSH's {@code ssh -W %h:%p} through a bastion (a second real
 * sshd). The target's HostName resolves nowhere, so only the command can have reached it.
 */
class ProxyCommandTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    Path key;
    LocalSshd bastion;
    LocalSshd target;
    Path config;
    String sshW;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        key = bed.key("id_ed25519", "ed25519", "");
        bastion = bed.sshd("bastion", List.of("ed25519"));
        target = bed.sshd("target", List.of("ecdsa"));
        bed.trust(bastion, "ed25519");
        config = dir.resolve("ssh_config");
        sshW = "ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + bed.knownHosts
                + " -i " + key + " -p " + bastion.port() + " -W 127.0.0.1:%p root@127.0.0.1";
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private SshConnector connector() {
        return bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
    }

    private void config(String text) throws Exception {
        Files.writeString(config, text + """
                Host *
                  User root
                  IdentityFile %s
                  IdentitiesOnly yes
                """.formatted(key));
    }

    @Test
    void targetBehindTheBastionIsReachedThroughTheCommandAndVerifiedAsItself() throws Exception {
        // known_hosts names the target by its HostName, as ssh would (there is no IP for a proxied host).
        Files.writeString(bed.knownHosts, target.knownHostsLine("ecdsa").replace("[127.0.0.1]", "[inner.invalid]"),
                java.nio.file.StandardOpenOption.APPEND);
        config("Host inner\n  HostName inner.invalid\n  Port " + target.port() + "\n  ProxyCommand " + sshW + "\n");
        try (SshConnection c = connector().connect(ConnectRequest.of("inner"))) {
            assertThat(c.run("echo through the bastion", Cancellation.none()).stdout()).isEqualTo("through the bastion");
            bastion.kill(); // the command's ssh dies with its bastion, and the target connection with it
            await().atMost(Duration.ofSeconds(10)).until(() -> !c.isOpen());
        }
        config("Host inner\n  HostName inner.invalid\n  Port " + target.port() + "\n  ProxyCommand none\n");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .as("directly, the target's name goes nowhere").isInstanceOf(UnreachableException.class)
                .hasMessageContaining("inner.invalid");
    }

    @Test
    void tokensAreExpandedLikeOpenSsh() throws Exception {
        bed.trust(target, "ecdsa");
        Path seen = dir.resolve("seen");
        config("Host inner\n  HostName 127.0.0.1\n  Port " + target.port() + "\n  User root\n"
                + "  ProxyCommand sh -c 'echo \"%h %p %r %n 100%%\" > " + seen + "; exec " + sshW + "'\n");
        try (SshConnection c = connector().connect(ConnectRequest.of("inner"))) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(Files.readString(seen).strip()).isEqualTo("127.0.0.1 " + target.port() + " root inner 100%");
    }

    @Test
    void commandIsEndedWhenTheConnectionCloses() throws Exception {
        bed.trust(target, "ecdsa");
        config("Host inner\n  HostName 127.0.0.1\n  Port " + target.port() + "\n  ProxyCommand " + sshW + "\n");
        SshConnection c = connector().connect(ConnectRequest.of("inner"));
        List<ProcessHandle> proxies = ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("-W 127.0.0.1:")).toList();
        assertThat(proxies).hasSize(1);
        c.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !proxies.get(0).isAlive());
    }

    @Test
    void commandThatExitsEarlyIsNamedWithItsStatusAndWhatItSaid() throws Exception {
        config("Host inner\n  HostName 127.0.0.1\n  ProxyCommand sh -c 'echo bastion.example: no route >&2; exit 7'\n");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("ProxyCommand")
                .hasMessageContaining("exited with status 7")
                .hasMessageContaining("bastion.example: no route");
    }

    @Test
    void unknownTokenIsRefusedNamingTheOptionBeforeAnythingRuns() throws Exception {
        Path ran = dir.resolve("ran");
        config("Host inner\n  HostName 127.0.0.1\n  ProxyCommand touch " + ran + "; nc %h %C\n");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("ProxyCommand")
                .hasMessageContaining("%C")
                .hasMessageContaining(config.toString());
        assertThat(ran).doesNotExist();
    }

    @Test
    void proxyUseFdpassIsRefusedRatherThanIgnored() throws Exception {
        config("Host inner\n  HostName 127.0.0.1\n  ProxyCommand " + sshW + "\n  ProxyUseFdpass yes\n");
        assertThatThrownBy(() -> connector().connect(ConnectRequest.of("inner")))
                .isInstanceOf(SshException.class).hasMessageContaining("ProxyUseFdpass");
    }

    @Test
    void firstJumpHostsOwnProxyCommandIsFollowed() throws Exception {
        bed.trust(target, "ecdsa");
        // "jumpbox" answers only through its ProxyCommand: its HostName goes nowhere.
        String toBastion = "ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + bed.knownHosts + " -i " + key + " -p " + bastion.port() + " -W 127.0.0.1:%p root@127.0.0.1";
        Files.writeString(bed.knownHosts, bastion.knownHostsLine("ed25519").replace("[127.0.0.1]", "[jumpbox.invalid]"),
                java.nio.file.StandardOpenOption.APPEND);
        config("Host jumpbox\n  HostName jumpbox.invalid\n  Port " + bastion.port() + "\n  ProxyCommand " + toBastion
                + "\nHost inner\n  HostName 127.0.0.1\n  Port " + target.port() + "\n  ProxyJump jumpbox\n");
        try (SshConnection c = connector().connect(ConnectRequest.of("inner"))) {
            assertThat(c.run("echo two hops", Cancellation.none()).stdout()).isEqualTo("two hops");
        }
    }
}
