package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upkeep.base.Patterns;
import dev.upkeep.ssh.kex.AlgorithmKind;
import dev.upkeep.ssh.kex.AlgorithmSpec;
import dev.upkeep.ssh.kex.AlgorithmSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshConfigTest {
    @TempDir
    Path dir;

    private OpenSshConfig config(String text) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, text);
        return OpenSshConfig.load(file, dir, "/home/me", "me");
    }

    @Test
    void missingFileIsAnEmptyConfigWithOpenSshDefaults() {
        HostSettings s = OpenSshConfig.load(dir.resolve("nope"), dir, "/home/me", "me").resolve("web1");
        assertThat(s.hostName()).isEqualTo("web1");
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.user()).isEqualTo("me");
        assertThat(s.identityFiles()).isEmpty();
        assertThat(s.proxyJump()).isEmpty();
        assertThat(s.knownHostsFiles()).containsExactly(Path.of("/home/me/.ssh/known_hosts"), Path.of("/home/me/.ssh/known_hosts2"));
        assertThat(s.connectTimeout()).isNull();
        assertThat(s.serverAliveInterval()).isEqualTo(Duration.ZERO);
        assertThat(s.serverAliveCountMax()).isEqualTo(3);
    }

    @Test
    void firstValueWinsAcrossMatchingBlocksButIdentityFilesAccumulate() throws IOException {
        OpenSshConfig c = config("""
                Host web*
                  User alice
                  IdentityFile ~/.ssh/web
                Host *
                  User bob
                  Port 2222
                  IdentityFile ~/.ssh/all
                """);
        HostSettings s = c.resolve("web1");
        assertThat(s.user()).isEqualTo("alice");
        assertThat(s.port()).isEqualTo(2222);
        assertThat(s.identityFiles()).containsExactly(Path.of("/home/me/.ssh/web"), Path.of("/home/me/.ssh/all"));
        assertThat(c.resolve("db1").user()).isEqualTo("bob");
    }

    @Test
    void algorithmOptionsKeepTheirFirstValueAndWhereItWasWritten() throws IOException {
        OpenSshConfig c = config("""
                Host appliance
                  KexAlgorithms +diffie-hellman-group1-sha1
                  PubkeyAcceptedKeyTypes +ssh-rsa
                Host *
                  KexAlgorithms -sntrup*
                  Ciphers=^aes256-ctr
                  HostKeyAlgorithms ssh-ed25519
                """);
        AlgorithmSpecs appliance = c.algorithms("appliance");
        String file = dir.resolve("config").toString();

        assertThat(appliance.get(AlgorithmKind.KEX))
                .contains(new AlgorithmSpec("+diffie-hellman-group1-sha1", file + ":2"));
        assertThat(appliance.get(AlgorithmKind.PUBKEY)).contains(new AlgorithmSpec("+ssh-rsa", file + ":3"));
        assertThat(appliance.get(AlgorithmKind.CIPHER)).contains(new AlgorithmSpec("^aes256-ctr", file + ":6"));
        assertThat(appliance.get(AlgorithmKind.MAC)).isEmpty();
        assertThat(c.algorithms("web1").get(AlgorithmKind.KEX)).contains(new AlgorithmSpec("-sntrup*", file + ":5"));
        assertThat(OpenSshConfig.load(dir.resolve("nope"), dir, "/home/me", "me").algorithms("x"))
                .isEqualTo(AlgorithmSpecs.DEFAULTS);
    }

    @Test
    void negatedPatternVetoesTheWholeHostLine() throws IOException {
        OpenSshConfig c = config("""
                Host *.prod !bastion.prod
                  User deploy
                """);
        assertThat(c.resolve("a.prod").user()).isEqualTo("deploy");
        assertThat(c.resolve("bastion.prod").user()).isEqualTo("me");
    }

    @Test
    void keywordsAreCaseInsensitiveAndAcceptEqualsAndQuotes() throws IOException {
        OpenSshConfig c = config("""
                HOST  "my host"  other
                  hostNAME=10.0.0.5
                  port = 2200
                  IdentityFile "/keys/with space"
                """);
        HostSettings s = c.resolve("my host");
        assertThat(s.hostName()).isEqualTo("10.0.0.5");
        assertThat(s.port()).isEqualTo(2200);
        assertThat(s.identityFiles()).containsExactly(Path.of("/keys/with space"));
        assertThat(c.resolve("other").port()).isEqualTo(2200);
        assertThat(c.resolve("OTHER").port()).as("Host patterns are case-sensitive").isEqualTo(22);
    }

    @Test
    void expandsTokensInHostNameAndIdentityFile() throws IOException {
        OpenSshConfig c = config("""
                Host w?
                  HostName %h.example.com
                  User ops
                  IdentityFile %d/keys/%h-%r-%u_%%
                """);
        HostSettings s = c.resolve("w1");
        assertThat(s.hostName()).isEqualTo("w1.example.com");
        assertThat(s.identityFiles()).containsExactly(Path.of("/home/me/keys/w1.example.com-ops-me_%"));
    }

    @Test
    void proxyJumpChainAndNone() throws IOException {
        OpenSshConfig c = config("""
                Host direct
                  ProxyJump none
                Host *
                  ProxyJump ops@jump1:2022,jump2,[fe80::1]:22
                """);
        assertThat(c.resolve("direct").proxyJump()).isEmpty();
        assertThat(c.resolve("x").proxyJump()).containsExactly(
                new JumpHost("ops", "jump1", 2022), new JumpHost(null, "jump2", null), new JumpHost(null, "fe80::1", 22));
    }

    @Test
    void matchBlocksAreSkippedWithAWarning() throws IOException {
        OpenSshConfig c = config("""
                Match host web1
                  User matched
                Host *
                  User plain
                """);
        assertThat(c.resolve("web1").user()).isEqualTo("plain");
        assertThat(c.warnings()).singleElement().asString().contains("Match").contains(":1");
    }

    @Test
    void includeRelativeToSshDirWithGlobInheritsBlockAndRestoresState() throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/10-web"), "User fromInclude\nHost db\n  Port 3306\n");
        Files.writeString(dir.resolve("conf.d/20-more"), "IdentityFile /k/more\n");
        OpenSshConfig c = config("""
                Host web
                  Include conf.d/*
                  Port 2201
                Host *
                  User fallback
                """);
        HostSettings web = c.resolve("web");
        assertThat(web.user()).isEqualTo("fromInclude");
        assertThat(web.port()).isEqualTo(2201);
        // 20-more continues in the state the "Host db" line of 10-web left, so web doesn't get it.
        assertThat(web.identityFiles()).isEmpty();
        // Host lines inside an Include that sits in an inactive block never match.
        assertThat(c.resolve("db").port()).isEqualTo(22);
        assertThat(c.resolve("db").identityFiles()).isEmpty();
    }

    @Test
    void timeoutsAndKeepAlive() throws IOException {
        OpenSshConfig c = config("""
                Host *
                  ConnectTimeout 7
                  ServerAliveInterval 15
                  ServerAliveCountMax 4
                  IdentitiesOnly yes
                  UserKnownHostsFile ~/kh /etc/kh_%h
                """);
        HostSettings s = c.resolve("a");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.serverAliveInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.serverAliveCountMax()).isEqualTo(4);
        assertThat(s.identitiesOnly()).isTrue();
        assertThat(s.knownHostsFiles()).containsExactly(Path.of("/home/me/kh"), Path.of("/etc/kh_a"));
    }

    @Test
    void hostPatternGlobs() {
        assertThat(Patterns.glob("web12", "web*")).isTrue();
        assertThat(Patterns.glob("web12", "web?")).isFalse();
        assertThat(Patterns.glob("web1", "web?")).isTrue();
        assertThat(Patterns.glob("a.b.c", "*.c")).isTrue();
        assertThat(Patterns.glob("", "*")).isTrue();
        assertThat(Patterns.matchesList("x", List.of("!y"), true)).isFalse();
    }
}
