package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.Drift;
import dev.upkeep.run.HistoryRecorder;
import dev.upkeep.run.RunHandle;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The window's runs, without any view: makes the Deploy dialog's model, starts confirmed runs (recorded in the
 * history), tracks them for the status bar, and when one ends tells the fleet which servers to check again.
 */
public final class Deployments {
    private final RunServices services;
    private final Supplier<Workspace> workspace;
    private final Function<ServerRef, Drift.ServerDrift> versions;
    private final SecretPrompt prompt;
    private final UiExecutor ui;
    private final Consumer<List<ServerRef>> refresh;
    private final Function<ServerRef, ServerStatus> lastKnown;
    private final ObservableList<RunViewModel> active = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private int logCap = LogPaneViewModel.DEFAULT_CAP;

    /**
     * @param versions the Docker/Weave versions a server runs and its manifest wants (null when not known)
     * @param refresh  checks these servers again (the fleet table shows what the run changed)
     */
    public Deployments(RunServices services, Supplier<Workspace> workspace, Function<ServerRef, Drift.ServerDrift> versions,
                       SecretPrompt prompt, UiExecutor ui, Consumer<List<ServerRef>> refresh) {
        this(services, workspace, versions, prompt, ui, refresh, r -> null);
    }

    /** @param lastKnown a server's status from the fleet table's last refresh, null when not known (FX thread) */
    public Deployments(RunServices services, Supplier<Workspace> workspace, Function<ServerRef, Drift.ServerDrift> versions,
                       SecretPrompt prompt, UiExecutor ui, Consumer<List<ServerRef>> refresh,
                       Function<ServerRef, ServerStatus> lastKnown) {
        this.lastKnown = lastKnown;
        this.services = services;
        this.workspace = workspace;
        this.versions = versions;
        this.prompt = prompt;
        this.ui = ui;
        this.refresh = refresh;
    }

    public RunServices services() {
        return services;
    }

    /** True while any run goes on (the status bar shows its progress). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The status bar's line about runs: progress while running, the outcome after. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void logCap(int cap) {
        this.logCap = cap;
    }

    /** The dialog's model for these servers, all ticked. */
    public DeployViewModel dialog(List<ServerRef> servers) {
        List<ServerChoice> choices = servers.stream().map(r -> new ServerChoice(r, versions.apply(r))).toList();
        return new DeployViewModel(workspace.get(), choices, services, prompt, ui, lastKnown);
    }

    /** Starts a confirmed run (off the FX thread: the history folder, the sudo prompt) and returns its model at once. */
    public RunViewModel start(DeployViewModel.Confirmed confirmed) {
        RunViewModel run = new RunViewModel(confirmed.plan(), ui, logCap, Instant::now);
        track(run);
        RunSession session = confirmed.session();
        run.rows().forEach(r -> run.pane(r.ref()).sourceProperty().set(
                services.history().logFile(confirmed.plan().id(), r.ref()).toString()));
        AtomicReference<HistoryRecorder> history = new AtomicReference<>();
        // after track()'s own callback: the recorder saw RunFinished before the window did (listener order below)
        run.onFinished(summary -> Optional.ofNullable(history.get()).flatMap(HistoryRecorder::failure)
                .ifPresent(f -> message.set(message.get() + " — the run's history is incomplete: " + f)));
        ui.submit("start run", () -> {
            HistoryRecorder recorder = services.history().record(confirmed.plan());
            history.set(recorder);
            RunHandle handle = session.start(confirmed.plan(), List.of(recorder, run.listener()));
            handle.completion().whenComplete((s, e) -> {
                recorder.close();
                session.close();
            });
            return handle;
        }, run::attach, e -> {
            session.close();
            run.failedToStart(Errors.describe(e));
            untrack(run);
            message.set(run.messageProperty().get());
        });
        return run;
    }

    /**
     * Restarts the confirmed services on one server as a run of its own (recorded in the history like every run; the
     * server is checked again when it ends). Throws IllegalArgumentException when no plan can be made.
     */
    public RunViewModel restartServices(ServerRef server, Set<String> services) {
        Workspace ws = workspace.get();
        RunPlan plan = this.services.plans().restartServices(ws, Map.of(server, services),
                RunOptions.restartOnly(ws.settings().concurrency()));
        return start(new DeployViewModel.Confirmed(plan, new RunSession(this.services, ws, prompt)));
    }

    private void track(RunViewModel run) {
        active.add(run);
        run.progressProperty().addListener(o -> recompute());
        run.messageProperty().addListener(o -> recompute());
        run.onFinished(summary -> {
            untrack(run);
            message.set(RunViewModel.describe(summary));
            List<ServerRef> ran = summary.results().stream().filter(r -> r.started() != null).map(ServerResult::server).toList();
            if (!ran.isEmpty()) {
                refresh.accept(ran);
            }
        });
        recompute();
    }

    private void untrack(RunViewModel run) {
        active.remove(run);
        recompute();
    }

    private void recompute() {
        running.set(!active.isEmpty());
        if (active.isEmpty()) {
            progress.set(0);
            return;
        }
        int servers = active.stream().mapToInt(r -> r.rows().size()).sum();
        double done = active.stream().mapToDouble(r -> r.progressProperty().get() * r.rows().size()).sum();
        progress.set(servers == 0 ? 0 : done / servers);
        int finished = (int) Math.round(done);
        message.set((active.size() == 1 ? "Deploying: " : active.size() + " runs: ") + finished + " of " + servers + " server(s) finished");
    }

    /** Summaries of past runs for the history view (file I/O: call off the FX thread). */
    public List<RunSummary> pastRuns() throws IOException {
        return services.history().list();
    }
}
