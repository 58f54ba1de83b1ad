package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.Drift;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.run.ServerRef;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * One immutable snapshot of a table row: the configured server, its last known status (null before the first
 * answer), its refresh phase and what the application's manifest wants it to run (null without a manifest).
 * Every column renders and sorts from it; a change replaces the snapshot.
 */
public record RowState(ServerRef ref, Server server, ServerStatus status, Phase phase, ManifestWants wants) {

    public RowState(ServerRef ref, Server server, ServerStatus status, Phase phase) {
        this(ref, server, status, phase, null);
    }

    public boolean known() {
        return status != null;
    }

    public boolean reachable() {
        return status != null && status.reachable();
    }

    public boolean unreachable() {
        return status != null && !status.reachable();
    }

    /** Known to need a reboot: false when it does not, and when that is unknown. */
    public boolean rebootRequired() {
        return reachable() && status.needsReboot();
    }

    /** Pending security updates where known, else 0: for counting only (a cell shows unknown as blank). */
    public int securityUpdates() {
        return reachable() && status.securityUpdates() != null ? status.securityUpdates() : 0;
    }

    public boolean needsAttention() {
        return status != null && status.needsAttention();
    }

    /**
     * The manifest's versions beside what the server runs, or null when there is nothing to compare: no manifest,
     * an unreadable one, a server the manifest does not list, or no answer from the server yet.
     */
    public Drift.ServerDrift drift() {
        if (wants == null || !reachable()) {
            return null;
        }
        return wants.driftOf(ref.server(), status.dockerVersion(), status.weaveVersion());
    }

    /** True when the server runs another Docker version than its manifest asks for (an upgrade is due). */
    public boolean dockerDrifted() {
        Drift.ServerDrift d = drift();
        return d != null && d.docker() == Drift.State.DRIFTED;
    }

    /** Case-insensitive match on what people search by: name, host, application, OS and versions. */
    public boolean matches(String lowerCaseText) {
        if (lowerCaseText == null || lowerCaseText.isBlank()) {
            return true;
        }
        return Stream.of(ref.server(), ref.application(), server.host(),
                        status == null ? null : status.os(),
                        status == null ? null : status.kernel(),
                        status == null ? null : status.dockerVersion(),
                        status == null ? null : status.weaveVersion())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(lowerCaseText));
    }

    RowState withStatus(ServerStatus newStatus) {
        return new RowState(ref, server, newStatus, Phase.IDLE, wants);
    }

    RowState withPhase(Phase newPhase) {
        return new RowState(ref, server, status, newPhase, wants);
    }

    RowState withServer(Server newServer) {
        return new RowState(ref, newServer, status, phase, wants);
    }

    RowState withWants(ManifestWants newWants) {
        return new RowState(ref, server, status, phase, newWants);
    }
}
