package dev.upkeep.ssh;

import dev.upkeep.ssh.kex.Negotiated;
import dev.upkeep.ssh.kex.NegotiationRecorder;
import net.schmizz.sshj.SSHClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One live connection to one server (through its jump hosts, if any), owned by whoever opened it. Each
 * command runs in a fresh session; several commands may run at once on different threads.
 */
public final class SshConnection implements AutoCloseable {
    /** What {@link #run} collects at most: its callers parse small reports. */
    public static final long MAX_COLLECTED = 8L << 20;

    private final String server;
    private final List<SSHClient> hops;
    private final SSHClient client;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final NegotiationRecorder negotiation;
    /** Each hop's place in the shared keep-alive scheduler, left on close. */
    private final List<KeepAliveBeat> keepAlives;
    /** Set when a command saw the connection die; sshj's own state may lag behind for a moment. */
    private volatile boolean lost;

    SshConnection(String server, List<SSHClient> hops, ExecutorService workers, ScheduledExecutorService timers,
                  NegotiationRecorder negotiation, List<KeepAliveBeat> keepAlives) {
        this.server = server;
        this.hops = List.copyOf(hops);
        this.client = hops.get(hops.size() - 1);
        this.workers = workers;
        this.timers = timers;
        this.negotiation = negotiation;
        this.keepAlives = List.copyOf(keepAlives);
    }

    /** The algorithms of the target server's latest key exchange (a re-key may change them); null if unknown. */
    public Negotiated negotiated() {
        return negotiation == null ? null : negotiation.latest();
    }

    /** The server as named in messages: the requested host, with the address when it differs. */
    public String server() {
        return server;
    }

    public boolean isOpen() {
        return !lost && hops.stream().allMatch(SSHClient::isConnected) && client.isAuthenticated();
    }

    /**
     * Runs {@code command}, streaming both output streams to {@code listener} as lines arrive, within
     * {@link CommandLimits#streaming()}: stopped after {@link CommandLimits#DEFAULT_IDLE} without output, and only
     * the first and last part of an enormous output passed on, with a line saying how much was left out.
     *
     * @throws CommandCancelledException when {@code cancel} fired (the channel is closed)
     * @throws ConnectionLostException   when the connection broke before the command finished
     * @throws CommandTimeoutException   when the command stayed silent too long (it was stopped)
     * @throws OutputLimitException      when it printed more than the limits allow (it was stopped)
     * @throws SshException              when the command could not be started at all
     */
    public CommandResult exec(String command, OutputListener listener, Cancellation cancel) throws SshException {
        return exec(command, null, listener, cancel);
    }

    /** As {@link #exec(String, OutputListener, Cancellation)}, writing {@code stdin} first, then closing it. */
    public CommandResult exec(String command, byte[] stdin, OutputListener listener, Cancellation cancel)
            throws SshException {
        return exec(command, stdin, CommandLimits.streaming(), listener, cancel);
    }

    /** As {@link #exec(String, byte[], OutputListener, Cancellation)}, within the given limits. */
    public CommandResult exec(String command, byte[] stdin, CommandLimits limits, OutputListener listener,
                              Cancellation cancel) throws SshException {
        try {
            return new CommandExecution(server, client, workers, timers, command, stdin, limits, listener, cancel).run();
        } catch (ConnectionLostException e) {
            lost = true;
            close();
            throw e;
        }
    }

    /**
     * As {@link #exec(String, OutputListener, Cancellation)}, with stdin written by {@code dialogue} as the command
     * asks for it, instead of all at once; it sees stderr lines before {@code listener}.
     */
    public CommandResult execWithDialogue(String command, StdinDialogue dialogue, OutputListener listener,
                                          Cancellation cancel)
            throws SshException {
        return execWithDialogue(command, dialogue, CommandLimits.streaming(), listener, cancel);
    }

    /** As {@link #execWithDialogue(String, StdinDialogue, OutputListener, Cancellation)}, within the given limits. */
    public CommandResult execWithDialogue(String command, StdinDialogue dialogue, CommandLimits limits,
                                          OutputListener listener, Cancellation cancel) throws SshException {
        try {
            return new CommandExecution(server, client, workers, timers, command, null, limits,
                    listener, cancel).withDialogue(dialogue).run();
        } catch (ConnectionLostException e) {
            lost = true;
            close();
            throw e;
        }
    }

    /** Runs {@code command} and collects its output (for scripts whose output is parsed as a whole). */
    public CommandOutput run(String command, Cancellation cancel) throws SshException {
        return run(command, null, cancel);
    }

    /** Output read whole is bounded: more than {@link #MAX_COLLECTED} stops the command ({@link OutputLimitException}). */
    public CommandOutput run(String command, byte[] stdin, Cancellation cancel) throws SshException {
        return run(command, stdin, CommandLimits.parsed(MAX_COLLECTED), cancel);
    }

    public CommandOutput run(String command, byte[] stdin, CommandLimits limits, Cancellation cancel) throws SshException {
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        CommandResult result = exec(command, stdin, limits,
                (stream, line) -> (stream == OutputListener.Stream.STDOUT ? out : err).add(line), cancel);
        return new CommandOutput(result, String.join("\n", out), String.join("\n", err));
    }

    @Override
    public void close() {
        keepAlives.forEach(KeepAliveBeat::stop);
        SshConnector.closeAll(hops);
    }

    @Override
    public String toString() {
        return "SshConnection[" + server + (isOpen() ? "" : ", closed") + "]";
    }
}
