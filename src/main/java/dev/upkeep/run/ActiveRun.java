package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.Step;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** One run in progress: N workers pull servers from one queue; events go out one at a time. */
final class ActiveRun implements RunHandle {
    private static final Logger log = LoggerFactory.getLogger(ActiveRun.class);

    private final RunPlan plan;
    private final Connections connections;
    private final char[] password;
    private final List<RunListener> listeners;
    private final Queue<ServerPlan> queue;
    private final Map<ServerRef, ServerResult> results = new ConcurrentHashMap<>();
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final CompletableFuture<RunSummary> completion = new CompletableFuture<>();
    private final Object emitLock = new Object();
    private final Instant started = Instant.now();
    private AtomicInteger workersLeft;
    private volatile boolean cancelled;
    private volatile String stopReason;

    ActiveRun(RunPlan plan, Connections connections, char[] password, List<RunListener> listeners) {
        this.plan = plan;
        this.connections = connections;
        this.password = password;
        this.listeners = List.copyOf(listeners);
        this.queue = new ConcurrentLinkedQueue<>(plan.servers());
    }

    void start(ExecutorService executor) {
        emit(new RunEvent.RunStarted(plan, started));
        plan.servers().forEach(s -> emit(RunEvent.step(s.ref(), Step.QUEUED, null)));
        int workers = Math.min(plan.options().workers(), plan.servers().size());
        workersLeft = new AtomicInteger(workers);
        if (workers == 0) finish();
        for (int i = 0; i < workers; i++) executor.execute(this::work);
    }

    @Override
    public String id() {
        return plan.id();
    }

    @Override
    public void cancel() {
        cancelled = true;
        running.forEach(Cancellation::cancel);
    }

    @Override
    public CompletableFuture<RunSummary> completion() {
        return completion;
    }

    private ServerPlan next() {
        return cancelled || stopReason != null ? null : queue.poll();
    }

    private void work() {
        try {
            ServerPlan server;
            while ((server = next()) != null) {
                ServerResult result = runServer(server);
                if (!result.succeeded()) {
                    Integer max = plan.options().maxFailures();
                    if (max != null && failures.incrementAndGet() >= max && stopReason == null) {
                        stopReason = "not started: " + max + " server(s) failed, the run's limit";
                    }
                }
                results.put(server.ref(), result);
                emit(new RunEvent.ServerFinished(result, Instant.now()));
            }
        } catch (RuntimeException e) {
            log.error("Run {} worker failed", plan.id(), e);
        } finally {
            if (workersLeft.decrementAndGet() == 0) finish();
        }
    }

    private ServerResult runServer(ServerPlan server) {
        Cancellation token = new Cancellation();
        running.add(token);
        if (cancelled) token.cancel();
        Instant start = Instant.now();
        ServerContext ctx = new ServerContext(server, connections, password, token, this);
        List<String> upgraded = new ArrayList<>();
        Set<String> rebootPackages = new LinkedHashSet<>();
        boolean reboot = false;
        Step outcome = Step.DONE;
        List<String> messages = new ArrayList<>();
        try {
            ctx.step(Step.CONNECTING, null);
            ctx.connect();
            for (Procedure procedure : server.procedures()) {
                if (token.isCancelled()) break;
                ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + procedure.name());
                ProcedureResult r = procedure.run(ctx);
                upgraded.addAll(r.upgraded());
                rebootPackages.addAll(r.rebootPackages());
                reboot |= r.rebootRequired();
                if (r.message() != null) messages.add(procedure.name() + ": " + r.message());
                if (!r.success()) {
                    outcome = Step.FAILED;
                    break;
                }
            }
        } catch (SshException e) {
            if (e instanceof ConnectionLostException) connections.evict(server);
            outcome = Step.FAILED;
            messages.add(e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} failed in run {}", server.ref(), plan.id(), e);
            outcome = Step.FAILED;
            messages.add("internal error: " + e);
        } finally {
            running.remove(token);
        }
        if (token.isCancelled()) {
            outcome = Step.CANCELLED;
            if (messages.isEmpty()) messages.add("cancelled");
        }
        String message = String.join("; ", messages);
        ctx.step(outcome, message);
        return new ServerResult(server.ref(), outcome, message, start, Duration.between(start, Instant.now()),
                upgraded, reboot, List.copyOf(rebootPackages));
    }

    private void finish() {
        String why = cancelled ? "cancelled before it started" : stopReason;
        for (ServerPlan s : plan.servers()) {
            if (results.containsKey(s.ref())) continue;
            ServerResult r = ServerResult.notStarted(s.ref(), why == null ? "not started" : why);
            results.put(s.ref(), r);
            emit(RunEvent.step(s.ref(), Step.NOT_STARTED, r.message()));
            emit(new RunEvent.ServerFinished(r, Instant.now()));
        }
        List<ServerResult> ordered = plan.servers().stream().map(s -> results.get(s.ref())).toList();
        RunSummary summary = new RunSummary(plan.id(), System.getProperty("user.name"), started, Instant.now(),
                plan.options(), plan.servers().stream().map(ServerPlan::ref).toList(), ordered);
        if (password != null) Arrays.fill(password, '\0');
        emit(new RunEvent.RunFinished(summary, Instant.now()));
        completion.complete(summary);
    }

    void emit(RunEvent event) {
        synchronized (emitLock) {
            for (RunListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
