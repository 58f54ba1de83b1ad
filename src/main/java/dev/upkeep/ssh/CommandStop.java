package dev.upkeep.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a command that its {@link CommandLimits} stopped, so that neither its process nor the connection is left
 * wedged: TERM through sshd (refused for root logins), the process group killed from a second session (the group
 * id comes on the command's first stderr line, see {@link RemoteProcess}), KILL after a grace, the channel closed.
 */
final class CommandStop {
    private static final Logger LOG = LoggerFactory.getLogger(CommandStop.class);
    /** After TERM, how long a stopped command gets before KILL (a SIGSTOPped one only dies of KILL). */
    static final long KILL_GRACE_MILLIS = 2000;
    /** How long the caller of a stopped command waits at most for the kill of its process group to be sent. */
    private static final long KILL_SEND_MILLIS = 3000;

    private final String server;
    private final SSHClient client;
    private final ExecutorService workers;
    private final String command;
    private final AtomicReference<String> reason = new AtomicReference<>();
    private volatile boolean silenced;
    private volatile long pgid;
    private volatile boolean firstStderrSeen;
    private final CountDownLatch reported = new CountDownLatch(1);

    CommandStop(String server, SSHClient client, ExecutorService workers, String command) {
        this.server = server;
        this.client = client;
        this.workers = workers;
        this.command = command;
    }

    /** Why the limits stopped the command; null while they did not. */
    String reason() {
        return reason.get();
    }

    /** True when a time limit stopped it: late output is dropped, as after a cancel. */
    boolean silenced() {
        return silenced;
    }

    /** An {@link OutputGate.Interceptor}: takes the process-group report, the first stderr line, out of the output. */
    boolean takeGroupReport(OutputListener.Stream stream, String line) {
        if (stream != OutputListener.Stream.STDERR || firstStderrSeen) {
            return false;
        }
        firstStderrSeen = true;
        long g = RemoteProcess.pgid(line);
        if (g > 0) {
            pgid = g;
        }
        reported.countDown();
        return g > 0;
    }

    /**
     * Stops {@code cmd} (once; later calls are ignored) and completes {@code finished} as soon as the kill is on its
     * way, so that a caller who then closes the connection (a hung command makes it suspect) does not cut it off.
     */
    void stop(GuardedSession cmd, CompletableFuture<Void> finished, String why, boolean silence) {
        if (!reason.compareAndSet(null, why)) {
            return;
        }
        silenced = silence;
        LOG.info("{}: {}; stopping: {}", server, why, CommandTimeoutException.brief(command));
        try {
            workers.execute(() -> end(cmd, finished));
        } catch (RejectedExecutionException e) {
            finished.complete(null); // the connector is closing: nothing left to stop it with
        }
    }

    private void end(GuardedSession cmd, CompletableFuture<Void> finished) {
        signal(cmd, Signal.TERM);
        killGroup(cmd);
        finished.complete(null);
        try {
            cmd.join(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: waiting for a stopped command: {}", server, e.toString());
        }
        signal(cmd, Signal.KILL); // only while the channel is open: GuardedSession never signals after its close
        try {
            cmd.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: closing a stopped command's channel: {}", server, e.toString());
        }
    }

    /** Waits only until the kill is sent (at most {@link #KILL_SEND_MILLIS}); it then runs on by itself. */
    private void killGroup(GuardedSession cmd) {
        long g = groupOf(cmd);
        // A channel the server closed belongs to a command that ended: its group id may be another's by now.
        if (g <= 0 || !client.isConnected() || !cmd.isOpen()) {
            return;
        }
        Future<?> sent = workers.submit(() -> {
            Session s = null;
            try {
                s = client.startSession();
                Session.Command kill = s.exec(RemoteProcess.killGroup(g));
                Session session = s;
                workers.execute(() -> {
                    try {
                        kill.join(10, TimeUnit.SECONDS);
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("{}: ending process group {}: {}", server, g, e.toString());
                    }
                    close(session);
                });
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: ending process group {}: {}", server, g, e.toString());
                if (s != null) {
                    close(s);
                }
            }
        });
        try {
            sent.get(KILL_SEND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: the kill of process group {} was not sent in time: {}", server, g, e.toString());
        }
    }

    /**
     * The command's process group; a stop that comes before the report (a cancel in the command's first milliseconds)
     * waits for it while the channel is open: the process exists once the report is on its way.
     */
    private long groupOf(GuardedSession cmd) {
        try {
            if (pgid <= 0 && cmd.isOpen()) {
                reported.await(KILL_SEND_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pgid;
    }

    private void signal(GuardedSession cmd, Signal signal) {
        try {
            cmd.signalIfOpen(signal);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: signal {}: {}", server, signal, e.toString());
        }
    }

    private void close(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: closing session: {}", server, e.toString());
        }
    }
}
