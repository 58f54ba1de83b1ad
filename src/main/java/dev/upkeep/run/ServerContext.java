package dev.upkeep.run;

import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.Step;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.time.Instant;

/** What a procedure sees of the run on one server: its connection (reconnected on demand), steps and lines as events. */
final class ServerContext implements ProcedureContext {
    private final ServerPlan plan;
    private final Connections connections;
    private final char[] password;
    private final Cancellation cancellation;
    private final ActiveRun run;
    private volatile SshConnection connection;

    ServerContext(ServerPlan plan, Connections connections, char[] password, Cancellation cancellation, ActiveRun run) {
        this.plan = plan;
        this.connections = connections;
        this.password = password;
        this.cancellation = cancellation;
        this.run = run;
    }

    void connect() throws SshException {
        connection = connections.get(plan);
    }

    @Override
    public SshConnection connection() {
        return connection;
    }

    @Override
    public SshConnection reconnect() throws SshException {
        connections.evict(plan);
        step(Step.CONNECTING, "reconnecting");
        connection = connections.get(plan);
        return connection;
    }

    @Override
    public String server() {
        return plan.ref().toString();
    }

    @Override
    public boolean sudo() {
        return plan.sudo();
    }

    @Override
    public char[] sudoPassword() {
        return plan.sudo() ? password : null;
    }

    @Override
    public void step(Step step, String detail) {
        run.emit(new RunEvent.StepChanged(plan.ref(), step, detail, Instant.now()));
    }

    @Override
    public void line(OutputListener.Stream stream, String line) {
        run.emit(new RunEvent.Output(plan.ref(), stream, line, Instant.now()));
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
