package dev.upkeep.run;

import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.SshOptions;

import java.nio.file.Path;
import java.time.Duration;

/** Maps the workspace's words onto the SSH layer's: settings → connector options, a server → a connect request. */
final class SshSettings {
    private SshSettings() {
    }

    static SshOptions options(Workspace ws) {
        Settings s = ws.settings();
        return SshOptions.defaults()
                .withSshConfig(ws.resolve(s.sshConfig()))
                .withKnownHosts(ws.resolve(s.knownHosts()))
                .withConnectTimeout(Duration.ofSeconds(s.connectTimeoutSeconds()));
    }

    static ConnectRequest request(Workspace ws, Server server) {
        Path identity = server.identityFile() == null ? null : ws.resolve(Paths.expandHome(server.identityFile()));
        return new ConnectRequest(server.host(), server.port(), server.user(), identity);
    }
}
