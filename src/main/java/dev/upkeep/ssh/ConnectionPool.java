package dev.upkeep.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one live connection per {@link ConnectRequest} and hands it out again while it is open, so a refresh
 * or a run reuses what the previous one opened. Connections belong to the pool: don't close them, {@link #evict}.
 * Concurrent gets for the same request wait for one connect; different requests connect in parallel.
 */
public final class ConnectionPool implements AutoCloseable {
    private final SshConnector connector;
    private final Map<ConnectRequest, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ConnectionPool(SshConnector connector) {
        this.connector = connector;
    }

    public SshConnection get(ConnectRequest request) throws SshException {
        while (true) {
            Slot slot = slots.computeIfAbsent(request, r -> new Slot());
            synchronized (slot) {
                if (slots.get(request) == slot) { // else evicted while we waited: take the new slot
                    return open(slot, request);
                }
            }
        }
    }

    /** Called holding the slot's lock. */
    private SshConnection open(Slot slot, ConnectRequest request) throws SshException {
        if (closed) {
            throw new IllegalStateException("connection pool is closed");
        }
        if (slot.connection != null && slot.connection.isOpen()) {
            return slot.connection;
        }
        if (slot.connection != null) {
            slot.connection.close();
            slot.connection = null;
        }
        slot.connection = connector.connect(request);
        return slot.connection;
    }

    /** Closes and forgets the connection for {@code request} (e.g. after the server was rebooted). */
    public void evict(ConnectRequest request) {
        Slot slot = slots.remove(request);
        if (slot != null) {
            synchronized (slot) {
                if (slot.connection != null) {
                    slot.connection.close();
                    slot.connection = null;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        List<ConnectRequest> all = new ArrayList<>(slots.keySet());
        all.forEach(this::evict);
    }

    private static final class Slot {
        private SshConnection connection;
    }
}
