package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import dev.upkeep.testfleet.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A procedure context for one test-fleet server: a pooled connection, reconnecting the way a run does (evict, then
 * connect with the same strict host-key checks), recording every step and line with the time it arrived.
 */
final class FleetContext implements ProcedureContext {
    record Entry(Instant at, String text) {
    }

    private final ConnectionPool pool;
    private final ConnectRequest request;
    private final String server;
    private final boolean sudo;
    private final Cancellation cancellation = new Cancellation();
    final List<Entry> steps = new CopyOnWriteArrayList<>();
    final List<Entry> lines = new CopyOnWriteArrayList<>();
    private volatile SshConnection current;

    FleetContext(ConnectionPool pool, TestServer server, Path key, String user, boolean sudo) throws SshException {
        this.pool = pool;
        this.request = new ConnectRequest(server.host(), server.port(), user, key);
        this.server = server.name();
        this.sudo = sudo;
        this.current = pool.get(request);
    }

    @Override
    public SshConnection connection() {
        return current;
    }

    @Override
    public SshConnection reconnect() throws SshException {
        pool.evict(request);
        current = pool.get(request);
        return current;
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
        return null;
    }

    @Override
    public void step(Step step, String detail) {
        steps.add(new Entry(Instant.now(), step.name()));
        lines.add(new Entry(Instant.now(), "[" + step.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "] " + detail));
    }

    @Override
    public void line(OutputListener.Stream stream, String line) {
        lines.add(new Entry(Instant.now(), line));
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    List<String> stepNames() {
        return steps.stream().map(Entry::text).toList();
    }

    List<String> lineTexts() {
        return lines.stream().map(Entry::text).toList();
    }

    String log() {
        return String.join("\n", lineTexts());
    }

    boolean said(String text) {
        return lines.stream().anyMatch(e -> e.text().contains(text));
    }
}
