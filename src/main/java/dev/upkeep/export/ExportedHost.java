package dev.upkeep.export;

import dev.upkeep.fleet.Server;

/** A server and its inventory host name (its own name, or app_server when two applications share a name). */
record ExportedHost(Server server, String name) {
}
