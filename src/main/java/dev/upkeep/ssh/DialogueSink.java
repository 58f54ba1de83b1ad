package dev.upkeep.ssh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Puts a {@link StdinDialogue} between a command's stderr and its output listener, and gives it the command's
 * stdin. A dialogue that throws ends the command: a conversation that went wrong must not go on writing.
 */
final class DialogueSink implements OutputListener, StdinDialogue.Stdin {
    private static final Logger LOG = LoggerFactory.getLogger(DialogueSink.class);

    private final String server;
    private final GuardedSession cmd;
    private final Executor workers;
    private final StdinDialogue dialogue;
    private final OutputListener next;

    DialogueSink(String server, GuardedSession cmd, Executor workers, StdinDialogue dialogue, OutputListener next) {
        this.server = server;
        this.cmd = cmd;
        this.workers = workers;
        this.dialogue = dialogue;
        this.next = next;
    }

    void start() {
        dialogue.started(this);
    }

    @Override
    public void onLine(Stream stream, String line) {
        boolean consumed = false;
        if (stream == Stream.STDERR) {
            try {
                consumed = dialogue.onStderrLine(line, this);
            } catch (RuntimeException e) {
                LOG.warn("{}: stdin dialogue failed, ending the command: {}", server, e.getClass().getName());
                abort();
                consumed = true;
            }
        }
        if (!consumed) {
            next.onLine(stream, line);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        OutputStream in = cmd.getOutputStream();
        in.write(bytes);
        in.flush();
    }

    @Override
    public void close() {
        try {
            cmd.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("{}: closing stdin: {}", server, e.toString());
        }
    }

    /**
     * Asks the server to end the process, then closes the channel; on a worker, because closing a channel waits for
     * the server's answer and this may be called from a drain.
     */
    @Override
    public void abort() {
        try {
            workers.execute(this::end);
        } catch (RejectedExecutionException e) {
            end(); // the connection is closing anyway
        }
    }

    private void end() {
        cmd.terminate(server, LOG);
    }
}
