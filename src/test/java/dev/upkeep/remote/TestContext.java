package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.SshOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A {@link ProcedureContext} over a real SSH connection to a test fleet server, recording steps and lines. It can
 * reconnect (as a run does: a fresh connection, same host-key checks), and tells Cancel (stop at a safe point) from
 * stopping to wait, as the run does.
 */
public final class TestContext implements ProcedureContext, AutoCloseable {
    private final SshConnector connector;
    private final ConnectRequest request;
    private final String server;
    private final boolean sudo;
    private SudoPassword password;
    private final Cancellation stop = new Cancellation();
    private final Cancellation abort = new Cancellation();
    public final List<String> steps = new CopyOnWriteArrayList<>();
    /** Every line, prefixed "out: " or "err: ". */
    public final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile SshConnection connection;
    private volatile Predicate<String> cancelWhen = entry -> false;
    private volatile Predicate<String> abortWhen = entry -> false;
    private volatile Predicate<String> actWhen = entry -> false;
    private volatile Runnable action = () -> { };

    private TestContext(SshConnector connector, ConnectRequest request, String server, boolean sudo) throws SshException {
        this.connector = connector;
        this.request = request;
        this.server = server;
        this.sudo = sudo;
        this.connection = connector.connect(request);
        abort.onCancel(stop::cancel);
    }

    /** A connector that trusts exactly the fleet's host keys and reads no user SSH config or agent. */
    public static SshConnector connector(TestFleet fleet) {
        SshOptions options = SshOptions.defaults()
                .withSshConfig(fleet.tempDir().resolve("no-ssh-config"))
                .withKnownHosts(fleet.knownHosts())
                .withConnectTimeout(Duration.ofSeconds(10))
                .withAgentSocket(null);
        return new SshConnector(options, PassphraseProvider.NONE);
    }

    /** Logs in as root. */
    public static TestContext root(SshConnector connector, TestFleet fleet, TestServer server) throws SshException {
        return login(connector, fleet, server, "root", false);
    }

    /** Logs in as {@code deploy}, whose sudo needs no password. */
    public static TestContext deployWithSudo(SshConnector connector, TestFleet fleet, TestServer server) throws SshException {
        return login(connector, fleet, server, "deploy", true);
    }

    /** Logs in as {@code user} (admin, nopw…) with sudo, whose password (if sudo asks) comes from {@code password}. */
    public static TestContext sudoAs(SshConnector connector, TestFleet fleet, TestServer server, String user,
                                     SudoPassword password) throws SshException {
        TestContext ctx = login(connector, fleet, server, user, true);
        ctx.password = password;
        return ctx;
    }

    private static TestContext login(SshConnector connector, TestFleet fleet, TestServer server, String user,
                                     boolean sudo) throws SshException {
        return new TestContext(connector, new ConnectRequest(server.host(), server.port(), user, fleet.clientKey()),
                server.name(), sudo);
    }

    /** Cancels when a recorded step ("STEP: detail") or line ("out: …") matches, as a user pressing Cancel. */
    public TestContext cancelWhen(Predicate<String> condition) {
        this.cancelWhen = condition;
        return this;
    }

    /** Stops waiting when a recorded step or line matches, as a second press of Cancel. */
    public TestContext abortWhen(Predicate<String> condition) {
        this.abortWhen = condition;
        return this;
    }

    /** Runs {@code action} (once) when a recorded step or line matches: e.g. drop the connection mid-install. */
    public TestContext when(Predicate<String> condition, Runnable action) {
        this.action = action;
        this.actWhen = condition;
        return this;
    }

    private void record(List<String> list, String entry) {
        list.add(entry);
        if (cancelWhen.test(entry)) {
            stop.cancel();
        }
        if (abortWhen.test(entry)) {
            abort.cancel();
        }
        if (actWhen.test(entry)) {
            actWhen = e -> false;
            new Thread(action, "test-context-action").start();
        }
    }

    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public SshConnection connection() {
        return connection;
    }

    @Override
    public SshConnection reconnect() throws SshException {
        SshConnection old = connection;
        connection = null;
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
        return sudo;
    }

    @Override
    public SudoPassword sudoPassword() {
        return password;
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
        return abort;
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
