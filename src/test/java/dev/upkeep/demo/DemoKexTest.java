package dev.upkeep.demo;

import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's embedded server and Upkeep's own client agree on ML-KEM, as Upkeep and a Debian 13 server do: the
 * demo shows a newcomer the key exchange Upkeep prefers (and a cheap one, which the demo's first refresh needs:
 * client and server share this JVM's CPU).
 */
class DemoKexTest {
    @Test
    void upkeepAndTheDemoServersAgreeOnMlkem768x25519() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(DemoPace.instant())) {
            assertThat(fleet.keyExchanges()).startsWith("mlkem768x25519-sha256", "sntrup761x25519-sha512");
            Workspace ws = new WorkspaceStore().load(fleet.workspaceFile());
            Server web1 = ws.applications().stream().flatMap(a -> a.servers().stream())
                    .filter(s -> s.name().equals("shop-web1")).findFirst().orElseThrow();
            SshOptions options = SshOptions.defaults()
                    .withSshConfig(ws.resolve(ws.settings().sshConfig()))
                    .withKnownHosts(ws.resolve(ws.settings().knownHosts()))
                    .withConnectTimeout(Duration.ofSeconds(60)); // the bound is not what this test is about
            ConnectRequest request = new ConnectRequest(web1.host(), web1.port(), web1.user(),
                    web1.identityFile() == null ? null : ws.resolve(Paths.expandHome(web1.identityFile())));
            try (SshConnector connector = new SshConnector(options, PassphraseProvider.NONE);
                 SshConnection connection = connector.connect(request)) {
                assertThat(connection.negotiated().kex()).isEqualTo("mlkem768x25519-sha256");
                assertThat(connection.negotiated().postQuantum()).isTrue();
            }
        }
    }
}
