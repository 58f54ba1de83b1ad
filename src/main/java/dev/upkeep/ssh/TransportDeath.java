package dev.upkeep.ssh;

import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.DisconnectListener;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps why sshj's transport died during a connect. When the key exchange fails on sshj's reader thread (no
 * algorithm in common, the server's disconnect) before the connecting thread starts its own part, that thread only
 * gets "Not connected"; the reason the user needs is the one given here.
 */
final class TransportDeath implements DisconnectListener {
    private final AtomicReference<String> why = new AtomicReference<>();

    @Override
    public void notifyDisconnect(DisconnectReason reason, String message) {
        why.compareAndSet(null, message == null || message.isBlank() ? String.valueOf(reason) : message);
    }

    /** The first reason given, or null while the transport lives. */
    String why() {
        return why.get();
    }
}
