package dev.upkeep.ssh;

import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One connection's keep-alive, counted as sshj's own keep-alive thread counts (and OpenSSH's ServerAliveCountMax):
 * at each tick the answered requests are dropped, and when {@code countMax} are still unanswered the connection is
 * ended as lost with sshj's words, so the user reads what they read before. Ticks run on the shared scheduler and
 * must not block: the request is written on a worker, and a tick that finds the previous write still stuck (a
 * server that stopped reading) counts as one more unanswered request instead of queueing another.
 */
final class KeepAliveBeat {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveBeat.class);

    private final Connection conn;
    private final int seconds;
    private final int countMax;
    private final Executor workers;
    private final Consumer<KeepAliveBeat> leave;
    private final Queue<Promise<SSHPacket, ConnectionException>> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong answered = new AtomicLong();
    /** Ticks that found the previous request still being written; only the scheduler thread touches it. */
    private int stuckTicks;
    private volatile ScheduledFuture<?> schedule;

    KeepAliveBeat(Connection conn, int seconds, int countMax, Executor workers, Consumer<KeepAliveBeat> leave) {
        this.conn = conn;
        this.seconds = seconds;
        this.countMax = countMax;
        this.workers = workers;
        this.leave = leave;
    }

    void scheduled(ScheduledFuture<?> future) {
        schedule = future;
        if (stopped.get()) {
            future.cancel(false); // closed before it was scheduled
        }
    }

    long answered() {
        return answered.get();
    }

    void tick() {
        try {
            beat();
        } catch (RuntimeException e) { // an exception would end the schedule silently and leave this beat registered
            LOG.warn("keep-alive stopped: {}", e.toString());
            stop();
        }
    }

    private void beat() {
        Transport transport = conn.getTransport();
        if (stopped.get() || !transport.isRunning()) {
            stop();
            return;
        }
        if (!conn.equals(transport.getService())) {
            return; // not authenticated yet, or being taken down
        }
        dropAnswered();
        if (unanswered.size() + (writing.get() ? 1 : 0) + stuckTicks >= countMax) {
            stop();
            ConnectionException lost = new ConnectionException(DisconnectReason.CONNECTION_LOST,
                    String.format("Did not receive any keep-alive response for %s seconds", countMax * seconds));
            workers.execute(() -> transport.die(lost)); // die() tells the server, which may block
            return;
        }
        if (!writing.compareAndSet(false, true)) {
            stuckTicks++;
            return;
        }
        workers.execute(this::send);
    }

    private void dropAnswered() {
        Promise<SSHPacket, ConnectionException> head = unanswered.peek();
        while (head != null && head.isFulfilled()) { // a failure reply is an answer too: the server is alive
            unanswered.remove();
            answered.incrementAndGet();
            stuckTicks = 0;
            head = unanswered.peek();
        }
    }

    private void send() {
        try {
            unanswered.add(conn.sendGlobalRequest("keepalive@openssh.com", true, new byte[0]));
        } catch (TransportException | RuntimeException e) {
            LOG.debug("keep-alive not sent: {}", e.toString()); // the transport is dying; the next tick leaves
        } finally {
            writing.set(false);
        }
    }

    /** Leaves the scheduler; idempotent, from any thread. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            ScheduledFuture<?> s = schedule;
            if (s != null) {
                s.cancel(false);
            }
            leave.accept(this);
        }
    }
}
