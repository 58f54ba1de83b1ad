package dev.upkeep.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command in its own session: start, feed stdin, drain both streams together, wait, report. Its
 * {@link CommandLimits} bound how long it may stay silent or run, and how much of its output is passed on.
 */
final class CommandExecution {
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecution.class);

    private final String server;
    private final SSHClient client;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final String command;
    private final byte[] stdin;
    private final CommandLimits limits;
    private final OutputListener listener;
    private final Cancellation cancel;
    /** When set, stdin is not written at once: the dialogue writes it as the command asks (see StdinDialogue). */
    private StdinDialogue dialogue;
    private final CommandStop stop;

    CommandExecution(String server, SSHClient client, ExecutorService workers, ScheduledExecutorService timers,
                     String command, byte[] stdin, CommandLimits limits, OutputListener listener, Cancellation cancel) {
        this.server = server;
        this.client = client;
        this.workers = workers;
        this.timers = timers;
        this.command = command;
        this.stdin = stdin;
        this.limits = limits;
        this.listener = listener;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
        this.stop = new CommandStop(server, client, workers, command);
    }

    CommandExecution withDialogue(StdinDialogue stdinDialogue) {
        this.dialogue = stdinDialogue;
        return this;
    }

    CommandResult run() throws SshException {
        if (cancel.isCancelled()) {
            throw new CommandCancelledException(server, command);
        }
        long start = System.nanoTime();
        GuardedSession session = null;
        Session.Command cmd;
        if (!client.isConnected()) {
            throw lostOr(null, "not connected");
        }
        try {
            session = GuardedSession.open(client);
            cmd = session.exec(RemoteProcess.wrap(command));
        } catch (IOException | IllegalStateException e) {
            if (session != null) {
                closeQuietly(session);
            }
            throw lostOr(e instanceof IOException io ? io : new IOException(e.getMessage(), e),
                    "cannot start command: " + e.getMessage());
        }
        OutputListener sink = serialized(listener);
        // Completed when the channel closes, or on cancel once the kill of the command's process group is on its
        // way: closing the channel alone ends nothing that does not write (sshd refuses signals for root logins), so
        // a cancelled drain could take a server out after its undrain. We don't wait for the process to exit.
        CompletableFuture<Void> finished = new CompletableFuture<>();
        GuardedSession channel = session;
        Cancellation.Registration onCancel = cancel.onCancel(() -> stop.stop(channel, finished, "cancelled", true));
        // The sudo dialogue sees stderr after the output limits and the process-group report took their share.
        DialogueSink talk = dialogue == null ? null : new DialogueSink(server, channel, workers, dialogue, sink);
        OutputGate gate = new OutputGate(limits, talk == null ? sink : talk, ceiling -> stop.stop(channel, finished,
                "printed more than " + CommandLimits.size(ceiling) + " of output", false));
        gate.intercept(stop::takeGroupReport);
        CommandDeadlines deadlines = new CommandDeadlines(timers, limits, gate::idle, gate::lastOutputNanos,
                why -> stop.stop(channel, finished, why, true));
        try {
            if (talk != null) {
                talk.start();
            }
            Future<Void> out = workers.submit(new LineDrain(cmd.getInputStream(), OutputListener.Stream.STDOUT, gate));
            Future<Void> err = workers.submit(new LineDrain(cmd.getErrorStream(), OutputListener.Stream.STDERR, gate));
            workers.execute(() -> {
                try {
                    cmd.join();
                    finished.complete(null);
                } catch (IOException | RuntimeException e) {
                    finished.completeExceptionally(e);
                }
            });
            if (talk == null) {
                writeStdin(cmd);
            }
            await(finished);
            if (cancel.isCancelled()) {
                throw new CommandCancelledException(server, command);
            }
            String why = stop.reason();
            if (why != null && stop.silenced()) {
                throw new CommandTimeoutException(server, why, command);
            }
            if (why != null) {
                awaitBriefly(out); // the drains deliver their "not shown" summary as the channel closes
                awaitBriefly(err);
                throw new OutputLimitException(server, why, command);
            }
            await(out);
            await(err);
            Integer status = cmd.getExitStatus();
            Signal signal = cmd.getExitSignal();
            if (status == null && signal == null) {
                throw lostOr(null, "command ended without an exit status: " + command);
            }
            return new CommandResult(status != null ? status : -1, signal != null ? signal.name() : null,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (SshException e) {
            throw e;
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw new CommandCancelledException(server, command);
            }
            throw lostOr(e, "command failed: " + e.getMessage());
        } finally {
            deadlines.close();
            onCancel.close();
            if (!cancel.isCancelled() && stop.reason() == null) {
                closeQuietly(session); // a stopped command's channel is closed by CommandStop, without waiting here
            }
        }
    }

    private static void awaitBriefly(Future<Void> drain) {
        try {
            drain.get(CommandStop.KILL_GRACE_MILLIS + 3000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("drain after a stop: {}", e.toString());
        }
    }

    private void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: closing session: {}", server, e.toString());
        }
    }

    private void writeStdin(Session.Command cmd) throws IOException {
        OutputStream in = cmd.getOutputStream();
        try {
            if (stdin != null) {
                in.write(stdin);
                in.flush();
            }
            in.close(); // EOF: commands reading stdin must not wait for more
        } catch (IOException e) {
            // The command may exit without reading its input; that is its business, not an error.
            LOG.debug("{}: writing stdin: {}", server, e.toString());
        }
    }

    private static void await(Future<Void> drain) throws IOException {
        try {
            drain.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading output", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private SshException lostOr(IOException e, String message) {
        if (!client.isConnected() || connectionDied(e)) {
            return new ConnectionLostException(server, "connection lost"
                    + (e == null ? "" : ": " + e.getMessage()) + " (while running: " + command + ")", e);
        }
        return new SshException(server, message, e);
    }

    /** The transport reports its death to channels before {@code isConnected()} turns false. */
    private static boolean connectionDied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException
                    || t instanceof SSHException ssh && ssh.getDisconnectReason() == DisconnectReason.CONNECTION_LOST) {
                return true;
            }
        }
        return false;
    }

    /** Both drains call the listener; callers get one line at a time, and a failing listener can't stop draining. */
    private OutputListener serialized(OutputListener target) {
        Object lock = new Object();
        return (stream, line) -> {
            synchronized (lock) {
                if (cancel.isCancelled() || stop.silenced()) {
                    return; // the caller has moved on; late output is dropped
                }
                try {
                    target.onLine(stream, line);
                } catch (RuntimeException e) {
                    LOG.warn("{}: output listener failed: {}", server, e.toString());
                }
            }
        };
    }
}
