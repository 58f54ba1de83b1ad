package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ServerRef;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * One immutable snapshot of a table row: the configured server, its last known status (null before the first
 * answer) and its refresh phase. Every column renders and sorts from it; a change replaces the snapshot.
 */
public record RowState(ServerRef ref, Server server, ServerStatus status, Phase phase) {

    public boolean known() {
        return status != null;
    }

    public boolean reachable() {
        return status != null && status.reachable();
    }

    public boolean unreachable() {
        return status != null && !status.reachable();
    }

    public boolean rebootRequired() {
        return reachable() && status.rebootRequired();
    }

    public int securityUpdates() {
        return reachable() ? status.securityUpdates() : 0;
    }

    public boolean needsAttention() {
        return status != null && status.needsAttention();
    }

    /** Case-insensitive match on what people search by: name, host, application, OS and versions. */
    public boolean matches(String lowerCaseText) {
        if (lowerCaseText == null || lowerCaseText.isBlank()) return true;
        return Stream.of(ref.server(), ref.application(), server.host(),
                        status == null ? null : status.os(),
                        status == null ? null : status.kernel(),
                        status == null ? null : status.dockerVersion(),
                        status == null ? null : status.weaveVersion())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(lowerCaseText));
    }

    RowState withStatus(ServerStatus newStatus) {
        return new RowState(ref, server, newStatus, Phase.IDLE);
    }

    RowState withPhase(Phase newPhase) {
        return new RowState(ref, server, status, newPhase);
    }

    RowState withServer(Server newServer) {
        return new RowState(ref, newServer, status, phase);
    }
}
