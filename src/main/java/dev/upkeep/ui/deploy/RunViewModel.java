package dev.upkeep.ui.deploy;

import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunHandle;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.UiBatcher;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogLine;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A run as the window shows it: the overview rows and one log pane per server. Events come from the run's
 * threads into a bounded {@link UiBatcher}: one hand-over to the FX thread per ~60 ms burst, of at most
 * {@link #MAX_BATCH} events, whose output lines are appended to each pane in one list change.
 */
public final class RunViewModel {
    /** Events per FX hand-over at most: enough for any real server, small enough to keep the window painting. */
    static final int MAX_BATCH = 5_000;
    private final RunPlan plan;
    private final Supplier<Instant> clock;
    private final ObservableList<ServerRunRow> rows = FXCollections.observableArrayList();
    private final Map<ServerRef, ServerRunRow> byRef = new LinkedHashMap<>();
    private final Map<ServerRef, LogPaneViewModel> panes = new LinkedHashMap<>();
    private final UiBatcher<Object> batcher;
    private final QueuedOutput queued = new QueuedOutput();
    private final BooleanProperty running = new SimpleBooleanProperty(true);
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final BooleanProperty stoppedWaiting = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("Starting…");
    private final ObjectProperty<RunSummary> summary = new SimpleObjectProperty<>();
    private final List<Consumer<RunSummary>> onFinished = new ArrayList<>();
    private RunHandle handle;
    private int finished;
    private long batches;

    public RunViewModel(RunPlan plan, UiExecutor ui, int logCap, Supplier<Instant> clock) {
        this.plan = plan;
        this.clock = clock;
        for (ServerPlan s : plan.servers()) {
            ServerRunRow row = new ServerRunRow(s.ref());
            byRef.put(s.ref(), row);
            rows.add(row);
            panes.put(s.ref(), new LogPaneViewModel(logCap));
        }
        this.batcher = new UiBatcher<>(ui, MAX_BATCH, this::apply);
    }

    // properties

    public RunPlan plan() {
        return plan;
    }

    public ObservableList<ServerRunRow> rows() {
        return rows;
    }

    public LogPaneViewModel pane(ServerRef ref) {
        return panes.get(ref);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling;
    }

    /** True once the user also stopped waiting for servers mid-reboot (the second press of Cancel). */
    public ReadOnlyBooleanProperty stoppedWaitingProperty() {
        return stoppedWaiting;
    }

    /** Finished servers / all servers. */
    /** True while the run is paused (as the core reports it): no new server or batch starts. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Set when the run finished. */
    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary;
    }

    /** How many batches reached the FX thread (tests check that lines are not handed over one by one). */
    public long batches() {
        return batches;
    }

    /** The run's listener: any thread, never blocks; output beyond what the window can take is counted, not kept. */
    public RunListener listener() {
        return event -> queued.admit(event).forEach(batcher::add);
    }

    /** Output lines waiting for the FX thread (tests check the bound). */
    int queuedLines() {
        return queued.queuedLines();
    }

    // commands

    /** FX thread, once the run has started. */
    public void attach(RunHandle handle) {
        this.handle = handle;
        if (stoppedWaiting.get()) {
            handle.stopWaiting();
        } else if (cancelling.get()) {
            handle.cancel();
        }
    }

    /**
     * Servers not started never start; running ones stop at a safe point and their rows say so. A server whose reboot
     * was issued is still waited for and verified (see {@link #stopWaiting()}).
     */
    public void cancel() {
        if (!running.get() || cancelling.get()) {
            return;
        }
        cancelling.set(true);
        message.set("Cancelling: no new server starts; running ones stop at a safe point (a server that is rebooting"
                + " is waited for and verified; press Stop waiting to leave it unverified)…");
        if (handle != null) {
            handle.cancel();
        }
    }

    /** After Cancel: stop waiting for servers mid-reboot (left unverified) and for detached jobs (they go on). */
    public void stopWaiting() {
        if (!running.get() || stoppedWaiting.get()) {
            return;
        }
        cancelling.set(true);
        stoppedWaiting.set(true);
        message.set("Stopped waiting: servers mid-reboot are left unverified; detached jobs go on on the servers…");
        if (handle != null) {
            handle.stopWaiting();
        }
    }

    /** No new server or batch starts; running servers finish what they do (a reboot in progress is verified). */
    public void pause() {
        if (!running.get() || cancelling.get() || handle == null) {
            return;
        }
        handle.pause();
    }

    public void resume() {
        if (handle != null) {
            handle.resume();
        }
    }

    /** Called on the FX thread with the summary when the run finished (the window refreshes the rows, notifies). */
    public void onFinished(Consumer<RunSummary> action) {
        onFinished.add(action);
    }

    /** The run could not start at all (no history folder, no password): every server is reported as such. */
    public void failedToStart(String why) {
        running.set(false);
        message.set("The run did not start: " + why);
    }

    /** FX thread: one batch of events, in order. */
    void apply(List<?> events) {
        batches++;
        Map<ServerRef, List<LogLine>> lines = new LinkedHashMap<>();
        RunSummary done = null;
        for (Object e : events) {
            if (e instanceof QueuedOutput.Dropped d) {
                lines.computeIfAbsent(d.server(), k -> new ArrayList<>()).add(new LogLine(d.note(), false));
            } else if (e instanceof RunEvent.Output o) {
                queued.taken(o);
                lines.computeIfAbsent(o.server(), k -> new ArrayList<>()).add(new LogLine(o.line(), o.isError()));
            } else if (e instanceof RunEvent.StepChanged s) {
                ServerRunRow row = byRef.get(s.server());
                if (row != null) {
                    row.step(s.step(), s.detail(), s.at());
                }
            } else if (e instanceof RunEvent.ServerFinished f) {
                ServerRunRow row = byRef.get(f.result().server());
                if (row != null) {
                    row.finish(f.result());
                    finished++;
                }
            } else if (e instanceof RunEvent.RunFinished f) {
                done = f.summary();
            } else if (e instanceof RunEvent.Paused) {
                paused.set(true);
            } else if (e instanceof RunEvent.Resumed) {
                paused.set(false);
            }
        }
        lines.forEach((ref, batch) -> {
            LogPaneViewModel pane = panes.get(ref);
            if (pane != null) {
                pane.append(batch);
            }
        });
        Instant now = clock.get();
        rows.forEach(r -> r.tick(now));
        progress.set(rows.isEmpty() ? 1 : (double) finished / rows.size());
        if (done != null) {
            finish(done);
        } else if (!cancelling.get()) {
            message.set(finished + " of " + rows.size() + " server(s) finished"
                + (paused.get() ? " — paused: no new server starts until you resume" : ""));
        }
    }

    private void finish(RunSummary s) {
        running.set(false);
        paused.set(false);
        summary.set(s);
        message.set(describe(s));
        onFinished.forEach(a -> a.accept(s));
    }

    /** "2 done, 1 failed, 1 cancelled". */
    public static String describe(RunSummary s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.results().forEach(r -> counts.merge(r.outcome().label(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        return "Run finished: " + (parts.isEmpty() ? "no servers" : String.join(", ", parts));
    }
}
