package dev.upkeep.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.SessionChannel;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;

import java.io.IOException;

/**
 * A session channel that sends no channel request (a signal) once its CLOSE is on its way. OpenSSH frees a channel
 * when both sides have sent CLOSE, and drops the whole connection for a request to a channel it does not know
 * ("server_input_channel_req: unknown channel"); or, when the number was given to a newer channel meanwhile, the
 * signal reaches that other command. sshj sends CLOSE from its reader thread as soon as the server's CLOSE arrives,
 * and its {@code signal} does not look at the channel's state, so a stop that races a command's natural end would
 * otherwise send a signal after the CLOSE.
 */
final class GuardedSession extends SessionChannel {
    /**
     * sshj names a channel's logger after the channel's class, which would put its DEBUG chatter (every command line,
     * with sudo's random prompt) under Upkeep's names; Upkeep's config keeps sshj's own names, which logging silences.
     */
    static final LoggerFactory SSHJ_LOG_NAMES = new LoggerFactory() {
        @Override
        public Logger getLogger(String name) {
            return LoggerFactory.DEFAULT.getLogger(name);
        }

        @Override
        public Logger getLogger(Class<?> clazz) {
            return LoggerFactory.DEFAULT.getLogger(clazz == GuardedSession.class ? SessionChannel.class : clazz);
        }
    };

    private final Object lock = new Object();
    private boolean closeSent;

    private GuardedSession(SSHClient client) {
        super(client.getConnection(), client.getRemoteCharset());
    }

    /** Opens a session channel, as {@link SSHClient#startSession()} does. */
    static GuardedSession open(SSHClient client) throws ConnectionException, TransportException {
        if (!client.isConnected() || !client.isAuthenticated()) {
            throw new IllegalStateException("not connected");
        }
        GuardedSession session = new GuardedSession(client);
        session.open();
        return session;
    }

    /**
     * Sends {@code signal} unless this side's CLOSE was sent already; then it is not sent (the command has ended, or
     * is being closed), and false is returned.
     */
    boolean signalIfOpen(Signal signal) throws TransportException {
        synchronized (lock) {
            if (closeSent) {
                return false;
            }
            super.signal(signal);
            return true;
        }
    }

    /**
     * Best effort: asks the server to end the process (unless the channel is closing already), then closes the
     * channel so that everything waiting on it unblocks. Failures only go to {@code log} at debug level.
     */
    void terminate(String server, Logger log) {
        try {
            signalIfOpen(Signal.TERM);
        } catch (IOException | RuntimeException e) {
            log.debug("{}: signal: {}", server, e.toString());
        }
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.debug("{}: closing channel: {}", server, e.toString());
        }
    }

    /** Unguarded: use {@link #signalIfOpen(Signal)}. */
    @Override
    public void signal(Signal signal) throws TransportException {
        signalIfOpen(signal);
    }

    /**
     * Marks the channel closed before its CLOSE is written: a signal being written finishes first, none starts after.
     * The flag is set without holding sshj's own lock (close() calls this while holding it; a signal never takes it).
     */
    @Override
    protected void sendClose() throws TransportException {
        synchronized (lock) {
            closeSent = true;
        }
        super.sendClose();
    }
}
