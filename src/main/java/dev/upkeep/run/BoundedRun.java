package dev.upkeep.run;

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
import java.util.function.Function;

/**
 * Runs per-server jobs (status probes, package queries, history reads) with at most N at once: N workers pull from
 * one queue, so a thousand servers never mean a thousand waiting threads. Cancel empties the queue and cancels what
 * is running.
 */
final class BoundedRun<R> implements QueryHandle<R> {
    /** One server's work; it turns every failure into a result of its own. */
    interface Job<R> {
        ServerRef ref();

        R run(Cancellation token);

        static <R> Job<R> of(ServerRef ref, Function<Cancellation, R> work) {
            return new Job<>() {
                @Override
                public ServerRef ref() {
                    return ref;
                }

                @Override
                public R run(Cancellation token) {
                    return work.apply(token);
                }
            };
        }
    }

    /** Told when each job starts and what it returned. */
    interface Events<R> {
        void started(ServerRef ref);

        void finished(ServerRef ref, R result);
    }

    private final Queue<Job<R>> queue;
    private final Events<R> listener;
    private final List<R> results = Collections.synchronizedList(new ArrayList<>());
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<List<R>> completion = new CompletableFuture<>();
    private final AtomicInteger workersLeft;
    private volatile boolean cancelled;

    private BoundedRun(List<? extends Job<R>> jobs, int workers, Events<R> listener) {
        this.queue = new ConcurrentLinkedQueue<>(jobs);
        this.listener = listener;
        this.workersLeft = new AtomicInteger(workers);
    }

    static <R> BoundedRun<R> start(List<? extends Job<R>> jobs, int concurrency, ExecutorService executor, Events<R> listener) {
        int workers = Math.min(Math.max(1, concurrency), jobs.size());
        BoundedRun<R> run = new BoundedRun<>(jobs, workers, listener);
        if (workers == 0) {
            run.completion.complete(List.of());
        }
        for (int i = 0; i < workers; i++) {
            executor.execute(run::work);
        }
        return run;
    }

    private void work() {
        try {
            Job<R> job;
            while (!cancelled && (job = queue.poll()) != null) {
                Cancellation token = new Cancellation();
                running.add(token);
                try {
                    listener.started(job.ref());
                    R result = job.run(token);
                    results.add(result);
                    listener.finished(job.ref(), result);
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
    public CompletableFuture<List<R>> completion() {
        return completion;
    }
}
