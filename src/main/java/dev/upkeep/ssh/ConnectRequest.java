package dev.upkeep.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the workspace says about a server. {@code host} is an address, DNS name or ~/.ssh/config alias; the
 * nullable overrides win over the config. Equal requests share a pooled connection.
 */
public record ConnectRequest(String host, Integer port, String user, Path identityFile) {
    public ConnectRequest {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static ConnectRequest of(String host) {
        return new ConnectRequest(host, null, null, null);
    }
}
