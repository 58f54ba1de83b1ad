package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resolves the same config files with our parser and with {@code ssh -G -F file host} and compares. */
class OpenSshConfigMatchesSshGTest {
    @TempDir
    static Path dir;

    private static final Map<String, String> CONFIGS = Map.of(
            "blocks", """
                    Host web* !web9 "q*"
                      HostName %h.example.com
                      User=alice
                      IdentityFile "/keys/a b"
                    Host *.prod db?
                      Port 2200
                      IdentitiesOnly yes
                    Host *
                      User bob
                      ProxyJump j1@jump:2022,jump2
                      UserKnownHostsFile ~/.ssh/kh1 /tmp/kh_%h
                      ServerAliveInterval 5
                      ServerAliveCountMax 2
                      ConnectTimeout 9
                    """,
            "include", """
                    Host inc*
                      Include ${DIR}/inc.d/*.conf
                      Port 2201
                    Host *
                      User fallback
                      ProxyJump none
                    """,
            "proxies", """
                    Host pc1
                      ProxyCommand ssh -W "%h:%p" 'jump host' %r # part of the command
                      ProxyJump ignored.example
                    Host pj1
                      ProxyJump j1
                      ProxyCommand=ignored %h
                    Host pn
                      ProxyCommand none
                      ProxyJump ignored.example
                    Host alias*
                      HostKeyAlias Some-Alias.example
                      HashKnownHosts yes
                    Host *
                      ProxyCommand  =  nc  %h %p
                    """,
            "match", """
                    Host m1
                      HostName 10.1.1.1
                    Match host m1
                      User skipped
                    Host *
                      IdentityFile /keys/default
                    """);

    @BeforeAll
    static void writeConfigs() throws IOException {
        Files.createDirectories(dir.resolve("inc.d"));
        Files.writeString(dir.resolve("inc.d/a.conf"), "User fromA\nHostName real-%h\nHost inc2\n  Port 2299\n");
        Files.writeString(dir.resolve("inc.d/b.conf"), "IdentityFile /keys/b\n");
        for (var e : CONFIGS.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue().replace("${DIR}", dir.toString()));
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("blocks", "web1"), Arguments.of("blocks", "WebA"), Arguments.of("blocks", "web9"),
                Arguments.of("blocks", "qx"), Arguments.of("blocks", "a.prod"), Arguments.of("blocks", "db7"),
                Arguments.of("blocks", "other"),
                Arguments.of("include", "inc1"), Arguments.of("include", "inc2"), Arguments.of("include", "zzz"),
                Arguments.of("match", "m1"), Arguments.of("match", "m2"),
                Arguments.of("proxies", "pc1"), Arguments.of("proxies", "pj1"), Arguments.of("proxies", "pn"),
                Arguments.of("proxies", "alias9"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void resolvesLikeSshG(String configName, String alias) throws Exception {
        Map<String, String> g = sshG(dir.resolve(configName), alias);
        HostSettings s = OpenSshConfig.load(dir.resolve(configName)).resolve(alias);

        assertThat(s.hostName()).isEqualTo(g.get("hostname"));
        assertThat(Integer.toString(s.port())).isEqualTo(g.get("port"));
        assertThat(s.user()).isEqualTo(g.get("user"));
        assertThat(s.identitiesOnly() ? "yes" : "no").isEqualTo(g.get("identitiesonly"));
        assertThat(s.proxyJump().stream().map(JumpHost::toString).collect(Collectors.joining(",")))
                .isEqualTo(g.getOrDefault("proxyjump", ""));
        assertThat(s.knownHostsFiles().stream().map(Path::toString).collect(Collectors.joining(" ")))
                .isEqualTo(g.get("userknownhostsfile"));
        assertThat(s.connectTimeout() == null ? "none" : Long.toString(s.connectTimeout().toSeconds()))
                .isEqualTo(g.get("connecttimeout"));
        assertThat(Long.toString(s.serverAliveInterval().toSeconds())).isEqualTo(g.get("serveraliveinterval"));
        assertThat(Integer.toString(s.serverAliveCountMax())).isEqualTo(g.get("serveralivecountmax"));
        assertThat(s.proxyCommand()).isEqualTo(g.get("proxycommand"));
        assertThat(s.hostKeyAlias()).isEqualTo(g.get("hostkeyalias"));
        assertThat(s.hashKnownHosts() ? "yes" : "no").isEqualTo(g.get("hashknownhosts"));
        if (!s.identityFiles().isEmpty()) { // ssh -G lists its built-in defaults otherwise
            assertThat(s.identityFiles().stream().map(Path::toString).toList())
                    .isEqualTo(List.of(g.get("identityfile").split("\n")));
        }
    }

    private static Map<String, String> sshG(Path config, String alias) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "OpenSSH client (ssh) is not installed");
        Process p = new ProcessBuilder("ssh", "-G", "-F", config.toString(), alias)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("ssh -G exit status").isZero();
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                values.merge(line.substring(0, sp), line.substring(sp + 1), (a, b) -> a + "\n" + b);
            }
        }
        return values;
    }
}
