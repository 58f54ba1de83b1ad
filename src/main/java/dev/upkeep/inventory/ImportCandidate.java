package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;

/** A server an import would put into {@code application}; {@code source} is where it was found ("file:line"). */
public record ImportCandidate(String application, Server server, String source) {
}
