package dev.upkeep.fleet;

import java.util.List;
import java.util.Objects;

/**
 * A host reached over SSH. {@code port}, {@code user} and {@code identityFile} are optional (null): when absent,
 * ~/.ssh/config and OpenSSH defaults decide, exactly as {@code ssh host} would.
 */
public record Server(String name, String host, Integer port, String user, String identityFile, boolean sudo,
                     List<String> groups) {
    public Server {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Server of(String name, String host) {
        return new Server(name, host, null, null, null, false, List.of());
    }
}
