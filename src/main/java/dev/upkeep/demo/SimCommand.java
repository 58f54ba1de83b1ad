package dev.upkeep.demo;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** One exec request on a demo server: reads standard input to its end, answers on a worker thread, exits. */
final class SimCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(SimCommand.class);
    /** A script larger than this is not one of Upkeep's: refuse it rather than hold it in memory. */
    static final int MAX_STDIN = 1 << 20;

    private final String command;
    private final ExecutorService workers;
    private final Function<ChannelSession, SimSession.Factory> sessions;
    private final SimShell shell;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Future<?> work;

    SimCommand(String command, ExecutorService workers, Function<ChannelSession, SimSession.Factory> sessions, SimShell shell) {
        this.command = command;
        this.workers = workers;
        this.sessions = sessions;
        this.shell = shell;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        SimSession.Factory factory = sessions.apply(channel);
        work = workers.submit(() -> {
            int status;
            try {
                byte[] stdin = in.readNBytes(MAX_STDIN + 1);
                Terminal terminal = new Terminal(out, err);
                if (stdin.length > MAX_STDIN) {
                    terminal.err("sh: input too large");
                    status = 2;
                } else {
                    status = shell.run(RemoteScript.of(command, stdin), factory.session(terminal));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("demo command ended early ({}): {}", e.toString(), command);
                return; // the channel is gone (client cancelled, server rebooting): nobody to tell
            }
            exit.onExit(status);
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> w = work;
        if (w != null) w.cancel(true);
    }
}
