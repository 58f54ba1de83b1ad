package dev.upkeep.run;

import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

/**
 * A fleet with one server of each OS the test fleet offers, for fleet tests parameterised by OS: one fleet per test
 * class, not one per OS or per test (each server costs about a second to start on a loaded machine).
 */
final class OsFleets {
    private OsFleets() {
    }

    /** srv01 Debian 12, srv02 Debian 13, srv03 Ubuntu 22.04, srv04 Ubuntu 24.04 ({@link DebianRelease} order). */
    static FleetOptions onePerOs() {
        FleetOptions options = FleetOptions.servers(DebianRelease.values().length);
        for (DebianRelease os : DebianRelease.values()) {
            options.release(os, os.ordinal());
        }
        return options;
    }

    static TestServer server(TestFleet fleet, DebianRelease os) {
        TestServer server = fleet.server(os.ordinal());
        if (server.release() != os) {
            throw new IllegalStateException(server + " runs " + server.release() + ", not " + os);
        }
        return server;
    }
}
