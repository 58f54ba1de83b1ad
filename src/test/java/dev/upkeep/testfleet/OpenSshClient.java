package dev.upkeep.testfleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenSSH {@code ssh} binary pointed at a fleet server with the fleet's key and known_hosts, host keys checked
 * strictly and the user's own ~/.ssh/config ignored. A reference client independent of Upkeep's SSH layer.
 */
public final class OpenSshClient {
    private final TestFleet fleet;

    public OpenSshClient(TestFleet fleet) {
        this.fleet = fleet;
    }

    /** Runs {@code command} on the server as {@code user}; the exit code 255 means ssh itself failed. */
    public CommandResult run(TestServer server, String user, String command) {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-i", fleet.clientKey().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + fleet.knownHosts(), "-o", "ConnectTimeout=10",
                "-p", String.valueOf(server.port()), user + "@" + server.host(), command));
        return Exec.call(ssh, null, Map.of(), 120);
    }
}
