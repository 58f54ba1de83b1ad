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
    /** The exit status a shell reports for a command that TERM ended (128 + 15). */
    static final int KILLED = 143;

    private final String command;
    private final ExecutorService workers;
    private final Function<ChannelSession, SimSession.Factory> sessions;
    private final SimShell shell;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Future<?> work;
    private volatile boolean killed;

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
            Terminal terminal = new Terminal(out, err);
            SimSession session = factory.session(terminal);
            String inner = RemoteScript.unwrap(command);
            long group = inner == null ? -1 : session.host().processes().newGroup();
            int status;
            try {
                if (group > 0) {
                    session.host().processes().started(group, this::kill);
                    terminal.err(RemoteScript.GROUP_REPORT + group); // what the wrapper prints before the command runs
                }
                byte[] stdin = in.readNBytes(MAX_STDIN + 1);
                if (stdin.length > MAX_STDIN) {
                    terminal.err("sh: input too large");
                    status = 2;
                } else {
                    status = shell.run(RemoteScript.of(inner == null ? command : inner, stdin), session);
                }
            } catch (IOException | RuntimeException e) {
                if (!killed) {
                    LOG.debug("demo command ended early ({}): {}", e.toString(), command);
                    return; // the channel is gone (client cancelled, server rebooting): nobody to tell
                }
                status = KILLED;
            } finally {
                if (group > 0) {
                    session.host().processes().ended(group);
                }
            }
            exit.onExit(status);
        });
        if (killed) {
            work.cancel(true);
        }
    }

    /** A kill of its process group from another session (kill -TERM -PGID): the command dies where it is. */
    private void kill() {
        killed = true;
        Future<?> w = work;
        if (w != null) {
            w.cancel(true);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> w = work;
        if (w != null) {
            w.cancel(true);
        }
    }
}
