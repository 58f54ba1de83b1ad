package dev.upkeep.ui.fleet;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** An entry of the applications list: one application, or "All servers" (name null), with live counts. */
public final class AppItem {
    private final String name;
    private final String environment;
    private final ReadOnlyIntegerWrapper servers = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper attention = new ReadOnlyIntegerWrapper();

    AppItem(String name, String environment) {
        this.name = name;
        this.environment = environment;
    }

    /** Null for "All servers". */
    public String name() {
        return name;
    }

    public String environment() {
        return environment;
    }

    public boolean isAll() {
        return name == null;
    }

    public String label() {
        return isAll() ? "All servers" : name;
    }

    public ReadOnlyIntegerProperty serversProperty() {
        return servers.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    void counts(int serverCount, int attentionCount) {
        servers.set(serverCount);
        attention.set(attentionCount);
    }

    @Override
    public String toString() {
        return label();
    }
}
