package dev.upkeep.ui.history;

import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogLine;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Past runs: the list (newest first), the selected run's servers and results, and the selected server's log,
 * every file read off the FX thread into the same capped pane as live runs.
 */
public final class HistoryViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RunHistory history;
    private final UiExecutor ui;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> selectedRun = new SimpleObjectProperty<>();
    private final ObservableList<ServerResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<ServerRef> selectedServer = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final LogPaneViewModel log;
    private long generation;

    public HistoryViewModel(RunHistory history, UiExecutor ui, int cap) {
        this.history = history;
        this.ui = ui;
        this.log = new LogPaneViewModel(cap);
        selectedRun.addListener((o, was, now) -> showRun(now));
        selectedServer.addListener((o, was, now) -> showLog(now));
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public ObjectProperty<RunSummary> selectedRunProperty() {
        return selectedRun;
    }

    /** Per server of the selected run, in the run's order; servers without a result yet (interrupted run) are absent. */
    public ObservableList<ServerResult> results() {
        return results;
    }

    public ObjectProperty<ServerRef> selectedServerProperty() {
        return selectedServer;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public LogPaneViewModel log() {
        return log;
    }

    public void reload() {
        message.set("Reading " + history.directory() + "…");
        ui.submit("read run history", history::list, list -> {
            runs.setAll(list);
            message.set(list.isEmpty() ? "No runs yet in " + history.directory() : list.size() + " run(s) in " + history.directory());
            if (!list.isEmpty()) {
                selectedRun.set(list.get(0));
            }
        }, e -> message.set("Cannot read the run history: " + Errors.describe(e)));
    }

    /** "2026-11-26 10:41:07 · alice" over "security + Docker, parallel 10 · 3 server(s) · 1 not done". */
    public static String describe(RunSummary s) {
        return WHEN.format(s.started()) + " · " + s.user() + "\n" + options(s.options()) + " · " + s.servers().size()
                + " server(s) · " + (s.finished() == null ? "interrupted" : s.allSucceeded() ? "all done" : s.failures() + " not done");
    }

    public static String options(RunOptions o) {
        List<String> what = new ArrayList<>();
        if (o.security()) {
            what.add("security");
        }
        if (o.docker()) {
            what.add("Docker");
        }
        if (o.weave()) {
            what.add("Weave");
        }
        return String.join(" + ", what) + (o.strategy() == RunOptions.Strategy.SERIAL ? ", serial" : ", parallel " + o.concurrency())
                + (o.maxFailures() == null ? "" : ", stop after " + o.maxFailures() + " failure(s)");
    }

    private void showRun(RunSummary s) {
        results.setAll(s == null ? List.of() : s.results());
        selectedServer.set(s == null || s.servers().isEmpty() ? null : s.servers().get(0));
        if (s != null && selectedServer.get() != null) {
            showLog(selectedServer.get());
        }
    }

    private void showLog(ServerRef ref) {
        RunSummary run = selectedRun.get();
        long mine = ++generation;
        if (ref == null || run == null) {
            log.load(List.of());
            log.sourceProperty().set("");
            return;
        }
        var file = history.logFile(run.id(), ref);
        log.sourceProperty().set(file.toString());
        ui.submit("read run log", () -> LogFileReader.read(file, log.cap()), r -> {
            if (mine != generation) {
                return;
            }
            log.load(r.lines());
        }, e -> {
            if (mine == generation) {
                log.load(List.of(LogLine.err("Cannot read " + file + ": " + Errors.describe(e))));
            }
        });
    }
}
