package dev.upkeep.ui;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RefreshHandle;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.UnknownHostKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * A status service that answers from a table of canned statuses, on its own worker threads like the real one,
 * optionally with a per-server delay (for the demo window). Servers without a canned status are unreachable.
 */
public final class CannedStatusService implements StatusService {
    private final Map<ServerRef, ServerStatus> statuses = new ConcurrentHashMap<>();
    private final Map<ServerRef, UnknownHostKey> unknownKeys = new ConcurrentHashMap<>();
    private final List<List<UnknownHostKey>> trusted = new CopyOnWriteArrayList<>();
    private final List<Collection<ServerRef>> refreshed = new CopyOnWriteArrayList<>();
    private final IntSupplier delayMillis;
    private final ExecutorService workers;

    public CannedStatusService(int threads, IntSupplier delayMillis) {
        this.delayMillis = delayMillis;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "canned-status");
            t.setDaemon(true);
            return t;
        });
    }

    public CannedStatusService answer(ServerStatus status) {
        statuses.put(new ServerRef(status.application(), status.server()), status);
        return this;
    }

    public CannedStatusService unknownKey(UnknownHostKey key) {
        unknownKeys.put(key.server(), key);
        return this;
    }

    public List<List<UnknownHostKey>> trusted() {
        return trusted;
    }

    public List<Collection<ServerRef>> refreshed() {
        return refreshed;
    }

    @Override
    public RefreshHandle refresh(Workspace workspace, Collection<ServerRef> servers, boolean updateLists, StatusListener listener) {
        refreshed.add(List.copyOf(servers));
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CompletableFuture<ServerStatus>> each = new ArrayList<>();
        for (ServerRef ref : servers) {
            each.add(CompletableFuture.supplyAsync(() -> probe(ref, listener, cancelled), workers));
        }
        CompletableFuture<List<ServerStatus>> all = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).filter(s -> s != null).toList());
        return new RefreshHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public CompletableFuture<List<ServerStatus>> completion() {
                return all.thenApply(list -> {
                    if (cancelled.get()) {
                        throw new CancellationException("cancelled");
                    }
                    return list;
                });
            }
        };
    }

    private ServerStatus probe(ServerRef ref, StatusListener listener, AtomicBoolean cancelled) {
        if (cancelled.get()) {
            return null;
        }
        listener.started(ref);
        int delay = delayMillis.getAsInt();
        if (delay > 0) {
            try {
                Thread.sleep(delay); // simulated network latency for the demo window, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        UnknownHostKey key = unknownKeys.get(ref);
        ServerStatus status;
        if (key != null) {
            listener.hostKeyUnknown(key);
            status = ServerStatus.unreachable(ref.application(), ref.server(), "host key of " + key.host() + ":" + key.port()
                    + " is unknown (" + key.keyType() + " " + key.fingerprint() + "); review and trust it to connect", Canned.NOW);
        } else {
            status = statuses.getOrDefault(ref, ServerStatus.unreachable(ref.application(), ref.server(),
                    "connect to " + ref.server() + ": Connection refused", Canned.NOW));
        }
        listener.finished(ref, status);
        return status;
    }

    @Override
    public void trust(Workspace workspace, List<UnknownHostKey> keys) {
        trusted.add(List.copyOf(keys));
        keys.forEach(k -> unknownKeys.remove(k.server()));
    }

    @Override
    public void trustSubstitution(Workspace workspace, UnknownHostKey key) {
        trusted.add(List.of(key));
        unknownKeys.remove(key.server());
    }
}

