package dev.upkeep.ssh;

import dev.upkeep.ssh.kex.Negotiated;
import dev.upkeep.ssh.kex.NegotiationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import net.schmizz.sshj.SSHClient;

/**
 * One live connection to one server (through its jump hosts, if any), owned by whoever opened it. Each
 * command runs in a fresh session; several commands may run at once on different threads.
 */
public final class SshConnection implements AutoCloseable {
    private final String server;
    private final List<SSHClient> hops;
    private final SSHClient client;
    private final ExecutorService workers;
    private final NegotiationRecorder negotiation;
    /** Set when a command saw the connection die; sshj's own state may lag behind for a moment. */
    private volatile boolean lost;

    SshConnection(String server, List<SSHClient> hops, ExecutorService workers, NegotiationRecorder negotiation) {
        this.server = server;
        this.hops = List.copyOf(hops);
        this.client = hops.get(hops.size() - 1);
        this.workers = workers;
        this.negotiation = negotiation;
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
     * Runs {@code command}, streaming both output streams to {@code listener} as lines arrive.
     *
     * @throws CommandCancelledException when {@code cancel} fired (the channel is closed)
     * @throws ConnectionLostException   when the connection broke before the command finished
     * @throws SshException              when the command could not be started at all
     */
    public CommandResult exec(String command, OutputListener listener, Cancellation cancel) throws SshException {
        return exec(command, null, listener, cancel);
    }

    /** As {@link #exec(String, OutputListener, Cancellation)}, writing {@code stdin} first, then closing it. */
    public CommandResult exec(String command, byte[] stdin, OutputListener listener, Cancellation cancel)
            throws SshException {
        try {
            return new CommandExecution(server, client, workers, command, stdin, listener, cancel).run();
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

    public CommandOutput run(String command, byte[] stdin, Cancellation cancel) throws SshException {
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        CommandResult result = exec(command, stdin,
                (stream, line) -> (stream == OutputListener.Stream.STDOUT ? out : err).add(line), cancel);
        return new CommandOutput(result, String.join("\n", out), String.join("\n", err));
    }

    @Override
    public void close() {
        SshConnector.closeAll(hops);
    }

    @Override
    public String toString() {
        return "SshConnection[" + server + (isOpen() ? "" : ", closed") + "]";
    }
}
