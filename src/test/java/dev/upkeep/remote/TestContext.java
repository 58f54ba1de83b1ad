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

/** A {@link ProcedureContext} over a real SSH connection to a test fleet server, recording steps and lines. */
public final class TestContext implements ProcedureContext, AutoCloseable {
    private final SshConnection connection;
    private final String server;
    private final boolean sudo;
    private SudoPassword password;
    private final Cancellation cancellation = new Cancellation();
    public final List<String> steps = new CopyOnWriteArrayList<>();
    /** Every line, prefixed "out: " or "err: ". */
    public final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> cancelWhen = entry -> false;

    private TestContext(SshConnection connection, String server, boolean sudo) {
        this.connection = connection;
        this.server = server;
        this.sudo = sudo;
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
        SshConnection connection = connector.connect(new ConnectRequest(server.host(), server.port(), user, fleet.clientKey()));
        return new TestContext(connection, server.name(), sudo);
    }

    /** Cancels the run when a recorded step ("STEP: detail") or line ("out: …") matches, as a user pressing Cancel. */
    public TestContext cancelWhen(Predicate<String> condition) {
        this.cancelWhen = condition;
        return this;
    }

    private void record(List<String> list, String entry) {
        list.add(entry);
        if (cancelWhen.test(entry)) cancellation.cancel();
    }

    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public SshConnection connection() {
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
        return cancellation;
    }

    @Override
    public void close() {
        connection.close();
    }
}
