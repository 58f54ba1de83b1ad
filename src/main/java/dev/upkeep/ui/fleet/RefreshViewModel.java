package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RefreshHandle;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.UiBatcher;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One status refresh at a time: marks rows queued, applies the listener's events in batches on the FX thread
 * (rows fill in as servers answer), and afterwards offers the unknown host keys it met for review.
 */
public final class RefreshViewModel {
    private final StatusService statusService;
    private final UiExecutor ui;
    private final DialogService dialogs;
    private final Supplier<Workspace> workspace;
    private final Function<ServerRef, ServerRow> rows;
    private final Runnable afterBatch;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<ServerRef, UnknownHostKey> unknownKeys = new LinkedHashMap<>();
    /** Servers to check again as soon as the running refresh is over (their key was trusted meanwhile). */
    private final Set<ServerRef> checkAfter = new LinkedHashSet<>();
    private RefreshHandle handle;
    /** Distinct servers answered: a server reported twice is counted once. */
    private final Set<ServerRef> answered = new HashSet<>();
    private int total;
    private long startedNanos;

    RefreshViewModel(StatusService statusService, UiExecutor ui, DialogService dialogs, Supplier<Workspace> workspace,
                     Function<ServerRef, ServerRow> rows, Runnable afterBatch) {
        this.statusService = statusService;
        this.ui = ui;
        this.dialogs = dialogs;
        this.workspace = workspace;
        this.rows = rows;
        this.afterBatch = afterBatch;
    }

    // properties

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // commands

    public void refresh(Collection<ServerRef> servers, boolean updateLists) {
        refresh(servers, updateLists, updateLists);
    }

    /** With {@code recompute} the probe computes everything afresh instead of answering from its cache on the server. */
    public void refresh(Collection<ServerRef> servers, boolean updateLists, boolean recompute) {
        if (running.get() || servers.isEmpty()) {
            return;
        }
        Workspace ws = workspace.get();
        List<ServerRef> targets = List.copyOf(servers);
        targets.forEach(ref -> phase(ref, Phase.QUEUED));
        unknownKeys.clear();
        answered.clear();
        total = targets.size();
        startedNanos = System.nanoTime();
        progress.set(0);
        running.set(true);
        message.set((updateLists ? "Updating package lists and checking " : "Checking ") + plural(total, "server") + "…");
        afterBatch.run();

        UiBatcher<RefreshEvent> batcher = new UiBatcher<>(ui, this::apply);
        try {
            // An update of the lists always recomputes: only a recompute without one needs the five-argument call.
            handle = recompute && !updateLists ? statusService.refresh(ws, targets, false, true, listener(batcher))
                    : statusService.refresh(ws, targets, updateLists, listener(batcher));
        } catch (RuntimeException e) {
            finish(batcher, targets, e);
            return;
        }
        handle.completion().whenComplete((statuses, error) -> ui.onUi(() -> finish(batcher, targets, error)));
    }

    public void cancel() {
        if (handle != null && running.get()) {
            message.set("Cancelling…");
            handle.cancel();
        }
    }

    // internals

    private static StatusListener listener(UiBatcher<RefreshEvent> batcher) {
        return new StatusListener() {
            @Override
            public void started(ServerRef server) {
                batcher.add(new RefreshEvent.Started(server));
            }

            @Override
            public void finished(ServerRef server, ServerStatus status) {
                batcher.add(new RefreshEvent.Finished(server, status));
            }

            @Override
            public void hostKeyUnknown(UnknownHostKey key) {
                batcher.add(new RefreshEvent.KeyUnknown(key));
            }
        };
    }

    private void apply(List<RefreshEvent> batch) {
        for (RefreshEvent event : batch) {
            if (event instanceof RefreshEvent.Started e) {
                phase(e.ref(), Phase.CHECKING);
            } else if (event instanceof RefreshEvent.Finished e) {
                ServerRow row = rows.apply(e.ref());
                if (row != null) {
                    row.status(e.status());
                }
                answered.add(e.ref());
            } else if (event instanceof RefreshEvent.KeyUnknown e) {
                unknownKeys.put(e.key().server(), e.key());
            }
        }
        if (running.get() && total > 0) {
            progress.set(Math.min(1.0, (double) answered.size() / total));
        }
        afterBatch.run();
    }

    private void finish(UiBatcher<RefreshEvent> batcher, List<ServerRef> targets, Throwable error) {
        batcher.flush();
        targets.forEach(ref -> phase(ref, Phase.IDLE));
        running.set(false);
        handle = null;
        progress.set(0);
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        int done = answered.size();
        boolean cancelled = error instanceof CancellationException || (error != null && error.getCause() instanceof CancellationException);
        if (cancelled) {
            message.set("Refresh cancelled after " + done + " of " + plural(total, "server"));
        } else if (error != null) {
            message.set("Refresh failed");
        } else {
            message.set("Checked " + done + " of " + plural(total, "server") + " in " + String.format("%.1f s", millis / 1000.0));
        }
        afterBatch.run();
        if (error != null && !cancelled) {
            dialogs.showError("Refresh failed", error);
        }
        if (!unknownKeys.isEmpty()) {
            offerTrust(new ArrayList<>(unknownKeys.values()));
        }
        if (!running.get() && !checkAfter.isEmpty()) {
            List<ServerRef> again = List.copyOf(checkAfter);
            checkAfter.clear();
            refresh(again, false);
        }
    }

    private void offerTrust(List<UnknownHostKey> keys) {
        unknownKeys.clear();
        // A new key trusted from inside the dialog (a substitution, confirmed on its own) is checked right away.
        TrustViewModel trust = new TrustViewModel(workspace.get(), keys, statusService, ui, dialogs, this::checkSoon);
        if (dialogs.show(trust)) {
            trust.trustSelected(this::checkSoon);
        }
    }

    /** Checks the servers again now, or right after the refresh that is running. */
    private void checkSoon(List<ServerRef> servers) {
        if (running.get()) {
            checkAfter.addAll(servers);
        } else {
            refresh(servers, false);
        }
    }

    private void phase(ServerRef ref, Phase phase) {
        ServerRow row = rows.apply(ref);
        if (row != null) {
            row.phase(phase);
        }
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
