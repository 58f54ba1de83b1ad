package dev.upkeep.run;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.ssh.Cancellation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs status jobs with at most N at once: N workers pull from one queue, so a thousand servers never mean a
 * thousand waiting threads. Cancel empties the queue and cancels what is running.
 */
final class BoundedRun implements RefreshHandle {
    private final Queue<StatusJob> queue;
    private final StatusListener listener;
    private final List<ServerStatus> results = Collections.synchronizedList(new ArrayList<>());
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<List<ServerStatus>> completion = new CompletableFuture<>();
    private final AtomicInteger workersLeft;
    private volatile boolean cancelled;

    private BoundedRun(List<StatusJob> jobs, int workers, StatusListener listener) {
        this.queue = new ConcurrentLinkedQueue<>(jobs);
        this.listener = listener;
        this.workersLeft = new AtomicInteger(workers);
    }

    static BoundedRun start(List<StatusJob> jobs, int concurrency, ExecutorService executor, StatusListener listener) {
        int workers = Math.min(Math.max(1, concurrency), jobs.size());
        BoundedRun run = new BoundedRun(jobs, workers, listener);
        if (workers == 0) run.completion.complete(List.of());
        for (int i = 0; i < workers; i++) executor.execute(run::work);
        return run;
    }

    private void work() {
        try {
            StatusJob job;
            while (!cancelled && (job = queue.poll()) != null) {
                Cancellation token = new Cancellation();
                running.add(token);
                try {
                    listener.started(job.ref());
                    ServerStatus status = job.run(token, listener);
                    results.add(status);
                    listener.finished(job.ref(), status);
                } finally {
                    running.remove(token);
                }
            }
        } catch (RuntimeException e) {
            completion.completeExceptionally(e);
        } finally {
            if (workersLeft.decrementAndGet() == 0) {
                synchronized (results) {
                    completion.complete(List.copyOf(results));
                }
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        queue.clear();
        running.forEach(Cancellation::cancel);
    }

    @Override
    public CompletableFuture<List<ServerStatus>> completion() {
        return completion;
    }
}
