package dev.upkeep.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Connector-wide settings.
 *
 * @param sshConfig           the OpenSSH client config to honour (null or a missing file = none)
 * @param knownHosts          where trusted host keys are read and accepted keys are written (the config's
 *                            UserKnownHostsFile files are read as well)
 * @param connectTimeout      TCP connect timeout when the config sets no ConnectTimeout
 * @param keepAliveInterval   keep-alive interval when the config sets no ServerAliveInterval; zero = off
 * @param keepAliveCountMax   unanswered keep-alives before the connection counts as lost (config's
 *                            ServerAliveCountMax wins when the config sets an interval)
 * @param agentSocket         ssh-agent socket, null for none ({@link #defaults} takes SSH_AUTH_SOCK)
 */
public record SshOptions(Path sshConfig, Path knownHosts, Duration connectTimeout, Duration keepAliveInterval,
                         int keepAliveCountMax, Path agentSocket) {
    public SshOptions {
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (keepAliveInterval.isNegative() || keepAliveCountMax < 1) {
            throw new IllegalArgumentException("keep-alive interval must be >= 0 and count >= 1");
        }
    }

    public static SshOptions defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshOptions(ssh.resolve("config"), ssh.resolve("known_hosts"), Duration.ofSeconds(10),
                Duration.ofSeconds(15), 3, AgentClient.socketFromEnvironment());
    }

    /** A path as users write it in the workspace: a leading "~" means the home directory. */
    public static Path expandHome(String userPath) {
        return Path.of(Tokens.tilde(userPath, System.getProperty("user.home")));
    }

    public SshOptions withSshConfig(Path p) {
        return new SshOptions(p, knownHosts, connectTimeout, keepAliveInterval, keepAliveCountMax, agentSocket);
    }

    public SshOptions withKnownHosts(Path p) {
        return new SshOptions(sshConfig, p, connectTimeout, keepAliveInterval, keepAliveCountMax, agentSocket);
    }

    public SshOptions withConnectTimeout(Duration d) {
        return new SshOptions(sshConfig, knownHosts, d, keepAliveInterval, keepAliveCountMax, agentSocket);
    }

    public SshOptions withKeepAlive(Duration interval, int countMax) {
        return new SshOptions(sshConfig, knownHosts, connectTimeout, interval, countMax, agentSocket);
    }

    public SshOptions withAgentSocket(Path p) {
        return new SshOptions(sshConfig, knownHosts, connectTimeout, keepAliveInterval, keepAliveCountMax, p);
    }
}
