package dev.upkeep.run;

import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.Step;
import dev.upkeep.remote.SudoPassword;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.time.Instant;

/** What a procedure sees of the run on one server: its connection (reconnected on demand), steps and lines as events. */
final class ServerContext implements ProcedureContext {
    private final ServerPlan plan;
    private final Connections connections;
    private final SudoSession sudo;
    private final Cancellation stop;
    private final Cancellation abort;
    private final ActiveRun run;
    private volatile SshConnection connection;

    /**
     * @param stop  fired by the run's cancel (reach a safe point)
     * @param abort fired when the run stops waiting (end now); it fires {@code stop} too
     */
    ServerContext(ServerPlan plan, Connections connections, SudoSession sudo, Cancellation stop, Cancellation abort,
                  ActiveRun run) {
        this.plan = plan;
        this.connections = connections;
        this.sudo = sudo;
        this.stop = stop;
        this.abort = abort;
        this.run = run;
    }

    void connect() throws SshException {
        connection = connections.get(plan);
    }

    @Override
    public SshConnection connection() {
        return connection;
    }

    /**
     * A fresh connection (the old one is evicted from the pool and closed), with the same strict host-key checks;
     * {@link #connection()} returns it afterwards. No step event: a reboot calls this in a loop while it waits, and
     * the server's step stays "waiting for boot" (the reboot narrates each retry itself).
     */
    @Override
    public SshConnection reconnect() throws SshException {
        connection = null;
        connections.evict(plan);
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
    public SudoPassword sudoPassword() {
        return plan.sudo() ? sudo.forServer(plan.ref(), sudo.account(plan)) : null;
    }

    @Override
    public void step(Step step, String detail) {
        step(RunStep.of(step), detail);
    }

    /** The run's own steps (connecting, the outcome), which no procedure reports. */
    void step(RunStep step, String detail) {
        run.emit(new RunEvent.StepChanged(plan.ref(), step, detail, Instant.now()));
    }

    @Override
    public void line(OutputListener.Stream stream, String line) {
        run.emit(new RunEvent.Output(plan.ref(), RunEvent.Stream.of(stream), line, Instant.now()));
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
    public String runId() {
        return run.plan().id();
    }
}
