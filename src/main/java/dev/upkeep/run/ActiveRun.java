package dev.upkeep.run;

import dev.upkeep.ssh.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run in progress: workers take servers from the current batch; the next batch starts once every server of
 * this one has finished. Pause, cancel and the failure limit only stop servers from starting. One lock guards the
 * schedule and its events ({@link RunEvents}), so those go out one at a time.
 */
final class ActiveRun implements RunHandle {
    private static final Logger log = LoggerFactory.getLogger(ActiveRun.class);

    private final RunPlan plan;
    private final Connections connections;
    private final SudoSession sudo;
    private final SudoChecks sudoChecks;
    private final RunEvents events;
    private final Map<ServerRef, ServerPlan> byRef = new LinkedHashMap<>();
    private final Map<ServerRef, ServerResult> results = new ConcurrentHashMap<>();
    private final Map<String, RebootGate> gates = new ConcurrentHashMap<>();
    private final RunningServers running = new RunningServers();
    private final CompletableFuture<RunSummary> completion = new CompletableFuture<>();
    private final Object lock = new Object();
    private final Instant started = Instant.now();
    // Guarded by lock:
    private final Deque<ServerPlan> batchQueue = new ArrayDeque<>();
    private int batchIndex = -1;
    private boolean batchOpen;
    private int inFlight;
    private int failures;
    private boolean paused;
    private AtomicInteger workersLeft;
    private volatile boolean cancelled;
    private volatile boolean aborted;
    private volatile String stopReason;

    ActiveRun(RunPlan plan, Connections connections, SudoSession sudo, SudoChecks sudoChecks, List<RunListener> listeners) {
        this.plan = plan;
        this.connections = connections;
        this.sudo = sudo;
        this.sudoChecks = sudoChecks;
        this.events = new RunEvents(listeners, lock);
        plan.servers().forEach(s -> byRef.put(s.ref(), s));
    }

    void start(ExecutorService executor) {
        emit(new RunEvent.RunStarted(plan, started));
        plan.servers().forEach(s -> emit(RunEvent.step(s.ref(), RunStep.QUEUED, null)));
        if (!plan.needsSudo()) {
            launch(executor);
            return;
        }
        executor.execute(() -> {
            Cancellation checking = new Cancellation();
            RunningServers.Tokens tokens = track(checking, checking);
            try {
                sudoChecks.run(plan, executor, this, checking);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            } catch (RuntimeException e) {
                log.error("Run {}: checking sudo failed", plan.id(), e);
            } finally {
                untrack(tokens);
            }
            launch(executor);
        });
    }

    /** Starts the workers: the first batch opens with the first of them. */
    private void launch(ExecutorService executor) {
        int widest = plan.batches().stream().mapToInt(b -> b.servers().size()).max().orElse(0);
        int workers = Math.min(plan.options().workers(), widest);
        workersLeft = new AtomicInteger(workers);
        if (workers == 0) {
            finish();
        }
        for (int i = 0; i < workers; i++) {
            executor.execute(this::work);
        }
    }

    @Override
    public String id() {
        return plan.id();
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (!cancelled) {
                cancelled = true;
                emit(new RunEvent.Cancelling(false, Instant.now()));
            }
            lock.notifyAll();
        }
        running.stopAll();
    }

    @Override
    public void stopWaiting() {
        synchronized (lock) {
            boolean first = !cancelled;
            cancelled = true;
            if (!aborted) {
                aborted = true;
                if (first) {
                    emit(new RunEvent.Cancelling(false, Instant.now()));
                }
                emit(new RunEvent.Cancelling(true, Instant.now()));
            }
            lock.notifyAll();
        }
        running.abortAll();
    }

    @Override
    public void pause() {
        synchronized (lock) {
            if (paused || cancelled) {
                return;
            }
            paused = true;
            emit(new RunEvent.Paused(inFlight == 0 ? "no server is running"
                    : inFlight + " running server(s) finish; no new server or batch starts", Instant.now()));
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (!paused) {
                return;
            }
            paused = false;
            emit(new RunEvent.Resumed(Instant.now()));
            lock.notifyAll();
        }
    }

    @Override
    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    @Override
    public CompletableFuture<RunSummary> completion() {
        return completion;
    }

    /** The next server to run, waiting while paused or while the current batch finishes; null when none will. */
    private ServerPlan next() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (cancelled || stopReason != null) {
                    return null;
                }
                if (!paused && !batchQueue.isEmpty()) {
                    inFlight++;
                    return batchQueue.poll();
                }
                if (batchQueue.isEmpty() && inFlight == 0) {
                    closeBatch();
                    if (batchIndex + 1 >= plan.batches().size()) {
                        return null;
                    }
                    if (!paused) {
                        openBatch(plan.batches().get(++batchIndex));
                        continue;
                    }
                }
                lock.wait();
            }
        }
    }

    private void openBatch(Batch batch) {
        batch.servers().forEach(r -> batchQueue.add(byRef.get(r)));
        batchOpen = true;
        emit(new RunEvent.BatchStarted(batch.number(), plan.batches().size(), batch.servers(), Instant.now()));
    }

    private void closeBatch() {
        if (!batchOpen) {
            return;
        }
        batchOpen = false;
        emit(new RunEvent.BatchFinished(batchIndex + 1, plan.batches().size(), Instant.now()));
    }

    private void finished(ServerResult result) {
        synchronized (lock) {
            inFlight--;
            results.put(result.server(), result);
            Integer max = plan.rollout().failuresAllowed();
            if (!result.succeeded() && !cancelled && max != null && ++failures >= max && stopReason == null) {
                stopReason = "not started: " + failures + " server(s) failed, the run's limit";
                emit(new RunEvent.Stopping(failures + " server(s) failed (limit " + max
                        + "): no new server or batch starts", Instant.now()));
            }
            emit(new RunEvent.ServerFinished(result, Instant.now()));
            lock.notifyAll();
        }
    }

    private void work() {
        try {
            ServerPlan server;
            while ((server = next()) != null) {
                finished(new ServerRun(this, server, connections, sudo).run());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Run {} worker failed", plan.id(), e);
        } finally {
            if (workersLeft.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void finish() {
        synchronized (lock) {
            closeBatch();
            String why = cancelled ? "cancelled before it started" : stopReason;
            for (ServerPlan s : plan.servers()) {
                if (results.containsKey(s.ref())) {
                    continue;
                }
                ServerResult r = ServerResult.notStarted(s.ref(), why == null ? "not started" : why);
                results.put(s.ref(), r);
                emit(RunEvent.step(s.ref(), RunStep.NOT_STARTED, r.message()));
                emit(new RunEvent.ServerFinished(r, Instant.now()));
            }
            List<ServerResult> ordered = plan.servers().stream().map(s -> results.get(s.ref())).toList();
            RunSummary summary = new RunSummary(plan.id(), System.getProperty("user.name"), started, Instant.now(),
                    plan.options(), plan.servers().stream().map(ServerPlan::ref).toList(), ordered, cancelled);
            emit(new RunEvent.RunFinished(summary, Instant.now()));
            completion.complete(summary);
        }
    }

    // For ServerRun:

    RunPlan plan() {
        return plan;
    }

    /** Registers a starting server's tokens, firing them at once when the run was already cancelled. */
    RunningServers.Tokens track(Cancellation stop, Cancellation abort) {
        return running.track(stop, abort);
    }

    void untrack(RunningServers.Tokens tokens) {
        running.untrack(tokens);
    }

    /** The keep-one-up gate of an application, or null when its reboots need none. */
    RebootGate gate(String application) {
        if (!plan.options().keepOneUp() || !plan.rollout().limitsReboots(application)) {
            return null;
        }
        return gates.computeIfAbsent(application, a -> new RebootGate(Rollout.cap(plan.rollout().applicationSizes(), a)));
    }

    void emit(RunEvent event) {
        events.emit(event);
    }
}
