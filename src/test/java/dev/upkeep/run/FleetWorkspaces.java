package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Workspaces that point at the test fleet, the way a user's would point at real servers. */
public final class FleetWorkspaces {
    private FleetWorkspaces() {
    }

    /** One application "shop" with the given servers, logging in as root with the fleet's key. */
    public static Workspace of(TestFleet fleet, Path dir, Path knownHosts, List<TestServer> servers) {
        List<Server> list = new ArrayList<>();
        for (TestServer s : servers) {
            list.add(server(fleet, s, "root", false));
        }
        return workspace(fleet, dir, knownHosts, List.of(new Application("shop", "production", null, null, list)));
    }

    public static Server server(TestFleet fleet, TestServer s, String user, boolean sudo) {
        return new Server(s.name(), s.host(), s.port(), user, fleet.clientKey().toString(), sudo, List.of("web"));
    }

    public static Workspace workspace(TestFleet fleet, Path dir, Path knownHosts, List<Application> apps) {
        // The user's own ~/.ssh/config must not change what the tests see: point at a file that does not exist.
        Settings settings = new Settings(10, knownHosts.toString(), dir.resolve("no-ssh-config").toString(), 5,
                Settings.DEFAULT_WEAVE_DOWNLOAD_URL);
        return new Workspace(dir.resolve("workspace.yml"), settings, apps);
    }
}
