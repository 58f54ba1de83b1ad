package dev.upkeep.fleet;

import java.util.List;
import java.util.Objects;

/**
 * A deployed application in one environment. {@code manifest} is relative to the workspace file (or null).
 * {@code reboot} is how its servers are rebooted and verified ({@link RebootPolicy#DEFAULTS} when the file says nothing).
 */
public record Application(String name, String environment, String manifest, String failoverAddress,
                          List<Server> servers, RebootPolicy reboot) {
    public Application {
        Objects.requireNonNull(name, "name");
        servers = servers == null ? List.of() : List.copyOf(servers);
        reboot = reboot == null ? RebootPolicy.DEFAULTS : reboot;
    }

    /** An application with the default reboot policy. */
    public Application(String name, String environment, String manifest, String failoverAddress, List<Server> servers) {
        this(name, environment, manifest, failoverAddress, servers, RebootPolicy.DEFAULTS);
    }

    /** The same application with other servers (its settings, including the reboot policy, kept). */
    public Application withServers(List<Server> newServers) {
        return new Application(name, environment, manifest, failoverAddress, newServers, reboot);
    }

    public Application withReboot(RebootPolicy policy) {
        return new Application(name, environment, manifest, failoverAddress, servers, policy);
    }
}
