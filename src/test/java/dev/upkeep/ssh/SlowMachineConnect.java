package dev.upkeep.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run by {@link KexComputationTimeTest} in a JVM without a JIT ({@code -Xint}), the way every JVM starts: connects
 * once to warm up the classes of a connection, then once within a tight connect timeout to a server that offers only
 * sntrup761. Prints {@code KEX <name>} or {@code FAILED <message>}.
 *
 * <p>Arguments: known_hosts, client key, warm-up port, sntrup761 port, connect timeout in seconds.
 */
final class SlowMachineConnect {
    private SlowMachineConnect() {
    }

    public static void main(String[] args) throws Exception {
        Path knownHosts = Path.of(args[0]);
        Path key = Path.of(args[1]);
        SshOptions options = new SshOptions(null, knownHosts, Duration.ofMinutes(2), Duration.ZERO, 3, null);
        try (SshConnector warmUp = new SshConnector(options, PassphraseProvider.NONE);
             SshConnection c = warmUp.connect(new ConnectRequest("127.0.0.1", Integer.parseInt(args[2]), "root", key))) {
            c.isOpen();
        }
        Duration tight = Duration.ofSeconds(Integer.parseInt(args[4]));
        try (SshConnector connector = new SshConnector(options.withConnectTimeout(tight), PassphraseProvider.NONE);
             SshConnection c = connector.connect(new ConnectRequest("127.0.0.1", Integer.parseInt(args[3]), "root", key))) {
            System.out.println("KEX " + c.negotiated().kex());
        } catch (SshException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
