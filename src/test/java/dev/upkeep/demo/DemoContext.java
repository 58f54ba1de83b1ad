package dev.upkeep.demo;

import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.Step;
import dev.upkeep.remote.SudoPassword;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.SshOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A procedure context over Upkeep's real SSH client, logged in to one demo server as the demo workspace says. Tells
 * Cancel (stop at a safe point) from stopping to wait, as a run does.
 */
final class DemoContext implements ProcedureContext, AutoCloseable {
    final List<String> steps = new CopyOnWriteArrayList<>();
    /** Every line, "out: …" or "err: …". */
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final SshConnector connector;
    private final ConnectRequest request;
    private final String server;
    private final Cancellation cancellation = new Cancellation();
    private final Cancellation stop = new Cancellation();
    private volatile Predicate<String> cancelWhen = entry -> false;
    private volatile SshConnection connection;

    private DemoContext(SshConnector connector, ConnectRequest request, String server) throws SshException {
        this.connector = connector;
        this.request = request;
        this.server = server;
        this.connection = connector.connect(request);
        cancellation.onCancel(stop::cancel);
    }

    /** Cancels (as a person pressing Cancel) when a recorded step ("STEP: detail") or line ("out: …") matches. */
    DemoContext cancelWhen(Predicate<String> condition) {
        this.cancelWhen = condition;
        return this;
    }

    private void record(List<String> list, String entry) {
        list.add(entry);
        if (cancelWhen.test(entry)) {
            stop.cancel();
        }
    }

    /** A connector that trusts the demo's known_hosts, reads no SSH config and asks no agent. */
    static SshConnector connector(DemoFleet fleet) {
        return new SshConnector(SshOptions.defaults()
                .withKnownHosts(fleet.directory().resolve("known_hosts"))
                .withSshConfig(fleet.directory().resolve("ssh_config"))
                .withConnectTimeout(Duration.ofSeconds(5))
                .withAgentSocket(null), PassphraseProvider.NONE);
    }

    static DemoContext login(SshConnector connector, DemoFleet fleet, String server) throws SshException {
        return new DemoContext(connector, new ConnectRequest("127.0.0.1", fleet.ports().get(server), "root",
                fleet.directory().resolve("demo_key")), server);
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public SshConnection connection() {
        return connection;
    }

    @Override
    public SshConnection reconnect() throws SshException {
        SshConnection old = connection;
        connection = null; // a failed reconnect leaves none, as a run's context does
        if (old != null) {
            old.close();
        }
        connection = connector.connect(request);
        return connection;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public boolean sudo() {
        return false;
    }

    @Override
    public SudoPassword sudoPassword() {
        return null;
    }

    @Override
    public void step(Step step, String detail) {
        record(steps, step + ": " + detail);
    }

    @Override
    public void line(OutputListener.Stream stream, String line) {
        record(lines, (stream == OutputListener.Stream.STDOUT ? "out: " : "err: ") + line);
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Cancellation stopRequest() {
        return stop;
    }

    @Override
    public void close() {
        SshConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
