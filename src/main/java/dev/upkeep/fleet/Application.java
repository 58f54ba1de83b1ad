package dev.upkeep.fleet;

import java.util.List;
import java.util.Objects;

/** A deployed application in one environment. {@code manifest} is relative to the workspace file (or null). */
public record Application(String name, String environment, String manifest, String failoverAddress,
                          List<Server> servers) {
    public Application {
        Objects.requireNonNull(name, "name");
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
