package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;

/** A server in one line for an import preview: "deploy@10.0.0.12:2222 key ~/.ssh/id sudo groups web,prod". */
public final class ServerText {
    private ServerText() {
    }

    public static String describe(Server s) {
        StringBuilder d = new StringBuilder(s.user() == null ? "" : s.user() + "@").append(s.host());
        if (s.port() != null) {
            d.append(':').append(s.port());
        }
        if (s.identityFile() != null) {
            d.append(" key ").append(s.identityFile());
        }
        if (s.sudo()) {
            d.append(" sudo");
        }
        if (!s.groups().isEmpty()) {
            d.append(" groups ").append(String.join(",", s.groups()));
        }
        return d.toString();
    }
}
