package dev.upkeep.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One command in its own session: start, feed stdin, drain both streams together, wait, report. */
final class CommandExecution {
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecution.class);

    private final String server;
    private final SSHClient client;
    private final ExecutorService workers;
    private final String command;
    private final byte[] stdin;
    private final OutputListener listener;
    private final Cancellation cancel;
    /** When set, stdin is not written at once: the dialogue writes it as the command asks (see StdinDialogue). */
    private StdinDialogue dialogue;

    CommandExecution(String server, SSHClient client, ExecutorService workers, String command, byte[] stdin,
                     OutputListener listener, Cancellation cancel) {
        this.server = server;
        this.client = client;
        this.workers = workers;
        this.command = command;
        this.stdin = stdin;
        this.listener = listener;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
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
        Session session = null;
        Session.Command cmd;
        if (!client.isConnected()) {
            throw lostOr(null, "not connected");
        }
        try {
            session = client.startSession();
            cmd = session.exec(command);
        } catch (IOException | IllegalStateException e) {
            if (session != null) {
                closeQuietly(session);
            }
            throw lostOr(e instanceof IOException io ? io : new IOException(e.getMessage(), e),
                    "cannot start command: " + e.getMessage());
        }
        OutputListener sink = serialized(listener);
        // Completed when the channel closes, or at once on cancel: sshd keeps a channel open until the
        // remote process exits, and we don't wait for that after the user said stop.
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Cancellation.Registration onCancel = cancel.onCancel(() -> {
            finished.complete(null);
            workers.execute(() -> stop(cmd));
        });
        try {
            DialogueSink talk = dialogue == null ? null : new DialogueSink(server, cmd, workers, dialogue, sink);
            if (talk != null) {
                talk.start();
            }
            Future<Void> out = workers.submit(new LineDrain(cmd.getInputStream(), OutputListener.Stream.STDOUT, sink));
            Future<Void> err = workers.submit(new LineDrain(cmd.getErrorStream(), OutputListener.Stream.STDERR,
                    talk == null ? sink : talk));
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
            onCancel.close();
            if (!cancel.isCancelled()) {
                closeQuietly(session);
            }
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

    /** Best effort: ask the server to end the process, then close the channel so everything unblocks. */
    private void stop(Session.Command cmd) {
        try {
            cmd.signal(Signal.TERM);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: signal: {}", server, e.toString());
        }
        try {
            cmd.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: closing cancelled channel: {}", server, e.toString());
        }
    }

    /** Both drains call the listener; callers get one line at a time, and a failing listener can't stop draining. */
    private OutputListener serialized(OutputListener target) {
        Object lock = new Object();
        return (stream, line) -> {
            synchronized (lock) {
                if (cancel.isCancelled()) {
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
