package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;

import java.nio.file.Path;
import java.util.List;

/** A small workspace: shop (web1, web2, web3) and billing (app1). */
final class FleetFixtures {
    static final ServerRef WEB1 = new ServerRef("shop", "web1");
    static final ServerRef WEB2 = new ServerRef("shop", "web2");
    static final ServerRef WEB3 = new ServerRef("shop", "web3");
    static final ServerRef APP1 = new ServerRef("billing", "app1");

    private FleetFixtures() {
    }

    static Workspace workspace() {
        return new Workspace(Path.of("/tmp/ws.yml"), null, List.of(
                new Application("shop", "production", null, null,
                        List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"), Server.of("web3", "db.example.com"))),
                new Application("billing", "staging", null, null, List.of(Server.of("app1", "10.0.1.1")))));
    }
}
