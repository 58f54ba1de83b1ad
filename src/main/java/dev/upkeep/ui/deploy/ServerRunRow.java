package dev.upkeep.ui.deploy;

import dev.upkeep.run.RunStep;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;

/** One server in the run overview: where it is, what it said last, how it ended, how long it took. */
public final class ServerRunRow {
    private final ServerRef ref;
    private final ObjectProperty<RunStep> step = new SimpleObjectProperty<>(RunStep.QUEUED);
    private final StringProperty detail = new SimpleStringProperty("");
    private final ObjectProperty<ServerResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> duration = new SimpleObjectProperty<>(Duration.ZERO);
    private Instant started;

    ServerRunRow(ServerRef ref) {
        this.ref = ref;
    }

    public ServerRef ref() {
        return ref;
    }

    public ReadOnlyObjectProperty<RunStep> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** Null while the server is queued or running. */
    public ReadOnlyObjectProperty<ServerResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration;
    }

    /** 0 queued, -1 (indeterminate) while running, 1 finished. */
    public double progress() {
        return progressOf(step.get());
    }

    static double progressOf(RunStep s) {
        if (s == RunStep.QUEUED) {
            return 0;
        }
        return s.isFinal() ? 1 : -1;
    }

    void step(RunStep s, String detail, Instant at) {
        if (started == null && s != RunStep.QUEUED) {
            started = at;
        }
        step.set(s);
        this.detail.set(detail == null ? "" : detail);
        tick(at);
    }

    void finish(ServerResult r) {
        result.set(r);
        step.set(r.outcome());
        detail.set(r.message() == null ? "" : r.message());
        duration.set(r.duration());
    }

    /** Running rows show their time so far. */
    void tick(Instant now) {
        if (started != null && result.get() == null) {
            duration.set(Duration.between(started, now));
        }
    }
}
