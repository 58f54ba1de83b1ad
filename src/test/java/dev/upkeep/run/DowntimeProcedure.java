package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RebootCancelledException;
import dev.upkeep.remote.Step;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in reboot: the server is "down" while it runs. Records how many servers were down at once (overall and
 * per application) and the order of downs/ups; it holds each server down until {@link #release} or {@code hold}.
 */
final class DowntimeProcedure implements Procedure, TakesServerDown {
    final Set<String> down = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> mostPerApp = new ConcurrentHashMap<>();
    final AtomicInteger most = new AtomicInteger();
    final Queue<String> journal = new ConcurrentLinkedQueue<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** How long a server stays down, when not {@code holdMillis}. */
    final Map<String, Long> holds = new ConcurrentHashMap<>();
    private final long holdMillis;
    volatile CountDownLatch release = new CountDownLatch(1);

    DowntimeProcedure(long holdMillis) {
        this.holdMillis = holdMillis;
    }

    @Override
    public String name() {
        return "reboot";
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws dev.upkeep.ssh.SshException {
        String server = ctx.server();
        String app = server.substring(0, server.indexOf('/'));
        ctx.step(Step.REBOOTING, null);
        down.add(server);
        journal.add("down " + server);
        most.accumulateAndGet(down.size(), Math::max);
        long sameApp = down.stream().filter(s -> s.startsWith(app + "/")).count();
        mostPerApp.computeIfAbsent(app, a -> new AtomicInteger()).accumulateAndGet((int) sameApp, Math::max);
        CountDownLatch abandoned = new CountDownLatch(1);
        try (var reg = ctx.cancellation().onCancel(abandoned::countDown)) {
            // Holds the server down: long enough for overlapping servers to be seen together. A cancel does not
            // end it (a reboot is waited for); stopping to wait does, and leaves it unverified.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holds.getOrDefault(server, holdMillis));
            while (release.getCount() > 0 && System.nanoTime() < until) {
                if (abandoned.await(5, TimeUnit.MILLISECONDS)) {
                    journal.add("abandoned " + server);
                    throw new RebootCancelledException(server, "mid-reboot: the reboot was issued and its return was not verified");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.add("up " + server);
        down.remove(server);
        if (failing.contains(server)) {
            return new ProcedureResult(false, "did not come back within 1 s", List.of(), true, List.of(), false, true);
        }
        return new ProcedureResult(true, "rebooted", List.of(), false, List.of());
    }
}
