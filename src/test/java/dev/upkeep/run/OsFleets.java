package dev.upkeep.run;

import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

/**
 * The server of one OS in a fleet started with {@link dev.upkeep.testfleet.FleetOptions#onePerOs()}, for fleet tests
 * parameterised by OS: one fleet per test class, not one per OS or per test.
 */
final class OsFleets {
    private OsFleets() {
    }

    static TestServer server(TestFleet fleet, DebianRelease os) {
        TestServer server = fleet.server(os.ordinal());
        if (server.release() != os) {
            throw new IllegalStateException(server + " runs " + server.release() + ", not " + os);
        }
        return server;
    }
}
