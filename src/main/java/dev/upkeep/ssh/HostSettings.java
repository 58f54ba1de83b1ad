package dev.upkeep.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What ~/.ssh/config says about one host alias, with OpenSSH's defaults filled in and tokens expanded.
 *
 * @param identityFiles        the configured IdentityFile entries in order; empty means "use the default keys"
 * @param proxyJump            the jump chain, first hop first; empty for a direct connection (also "ProxyJump none")
 * @param knownHostsFiles      UserKnownHostsFile entries (OpenSSH default: known_hosts and known_hosts2 in ~/.ssh)
 * @param connectTimeout       null when the config doesn't set one
 * @param serverAliveInterval  {@link Duration#ZERO} when keep-alive is off
 * @param hostKeyAlias         the name host keys are looked up and recorded under instead of host/port, or null
 * @param hashKnownHosts       whether keys accepted for this host are written hashed
 * @param proxyCommand         the ProxyCommand as written (tokens not yet expanded), null for none; only one of
 *                             proxyJump and proxyCommand is ever set (the one the config names first)
 */
public record HostSettings(String alias, String hostName, int port, String user, List<Path> identityFiles,
                           boolean identitiesOnly, List<JumpHost> proxyJump, List<Path> knownHostsFiles,
                           Duration connectTimeout, Duration serverAliveInterval, int serverAliveCountMax,
                           String hostKeyAlias, boolean hashKnownHosts, String proxyCommand) {
    public HostSettings {
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        knownHostsFiles = List.copyOf(knownHostsFiles);
        if (proxyCommand != null && !proxyJump.isEmpty()) {
            throw new IllegalArgumentException("ProxyCommand and ProxyJump are exclusive");
        }
    }

    /** Settings without HostKeyAlias, hashing or ProxyCommand. */
    public HostSettings(String alias, String hostName, int port, String user, List<Path> identityFiles,
                        boolean identitiesOnly, List<JumpHost> proxyJump, List<Path> knownHostsFiles,
                        Duration connectTimeout, Duration serverAliveInterval, int serverAliveCountMax) {
        this(alias, hostName, port, user, identityFiles, identitiesOnly, proxyJump, knownHostsFiles, connectTimeout,
                serverAliveInterval, serverAliveCountMax, null, false, null);
    }

    /** The known_hosts name of this host: its HostKeyAlias, else host or [host]:port. */
    public HostKeyName hostKeyName() {
        return HostKeyName.of(hostName, port, hostKeyAlias, hashKnownHosts);
    }
}
