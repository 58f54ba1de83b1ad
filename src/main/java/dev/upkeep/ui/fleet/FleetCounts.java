package dev.upkeep.ui.fleet;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.Collection;

/** The status bar's numbers over all servers of the workspace, recomputed once per batch of answers. */
public final class FleetCounts {
    private final ReadOnlyIntegerWrapper servers = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper reachable = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unreachable = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper rebootRequired = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper securityPending = new ReadOnlyIntegerWrapper();

    void recount(Collection<ServerRow> rows) {
        int r = 0, u = 0, reboot = 0, security = 0;
        for (ServerRow row : rows) {
            RowState s = row.state();
            if (s.reachable()) {
                r++;
            }
            if (s.unreachable()) {
                u++;
            }
            if (s.rebootRequired()) {
                reboot++;
            }
            if (s.securityUpdates() > 0) {
                security++;
            }
        }
        servers.set(rows.size());
        reachable.set(r);
        unreachable.set(u);
        rebootRequired.set(reboot);
        securityPending.set(security);
    }

    public ReadOnlyIntegerProperty serversProperty() {
        return servers.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unreachableProperty() {
        return unreachable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rebootRequiredProperty() {
        return rebootRequired.getReadOnlyProperty();
    }

    /** Servers with at least one security update pending. */
    public ReadOnlyIntegerProperty securityPendingProperty() {
        return securityPending.getReadOnlyProperty();
    }
}
