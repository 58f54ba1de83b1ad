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
 */
public record HostSettings(String alias, String hostName, int port, String user, List<Path> identityFiles,
                           boolean identitiesOnly, List<JumpHost> proxyJump, List<Path> knownHostsFiles,
                           Duration connectTimeout, Duration serverAliveInterval, int serverAliveCountMax) {
    public HostSettings {
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        knownHostsFiles = List.copyOf(knownHostsFiles);
    }
}
