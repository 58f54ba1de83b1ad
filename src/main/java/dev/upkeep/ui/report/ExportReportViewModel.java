package dev.upkeep.ui.report;

import dev.upkeep.files.AtomicFile;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.Drift;
import dev.upkeep.report.FleetReport;
import dev.upkeep.report.ReportFormat;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * File › Export report…: the statuses of the window's last refresh written as {@code upkeep report} writes them
 * (same formats, same rows), to a private file replaced atomically. The window asks no server again: the report
 * shows what the table shows.
 */
public final class ExportReportViewModel {
    private final Supplier<List<ServerStatus>> statuses;
    private final IntSupplier warnDays;
    private final Function<ServerStatus, Drift.ServerDrift> drift;
    private final UiExecutor ui;
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.html);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty written = new SimpleBooleanProperty();

    /**
     * @param statuses the answered servers in table order (read on the FX thread)
     * @param drift    a server's Docker/Weave verdict against its manifest as the window shows it (null: none)
     */
    public ExportReportViewModel(Supplier<List<ServerStatus>> statuses, IntSupplier warnDays,
                                 Function<ServerStatus, Drift.ServerDrift> drift, UiExecutor ui) {
        this.statuses = statuses;
        this.drift = drift;
        this.warnDays = warnDays;
        this.ui = ui;
        // a message about the last target must not stay beside a new one
        file.addListener((o, was, now) -> {
            if (!running.get()) {
                message.set("");
            }
        });
    }

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** True once the file is written; the dialog may close. */
    public BooleanProperty writtenProperty() {
        return written;
    }

    /** Validates the target, then renders and writes off the FX thread. Bad input changes nothing on disk. */
    public void export() {
        Path target;
        try {
            target = file.get() == null || file.get().isBlank() ? null : Path.of(file.get().trim());
        } catch (InvalidPathException e) {
            message.set("Not a file name: " + file.get());
            return;
        }
        if (target == null) {
            message.set("Choose the file to write.");
            return;
        }
        if (Files.isDirectory(target)) {
            message.set(target + " is a folder.");
            return;
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            message.set("No folder " + parent + ".");
            return;
        }
        List<ServerStatus> answered = List.copyOf(statuses.get());
        if (answered.isEmpty()) {
            message.set("No server has answered yet: refresh first.");
            return;
        }
        FleetReport report = FleetReport.of(answered, Instant.now(), warnDays.getAsInt(), drift);
        ReportFormat f = format.get();
        running.set(true);
        message.set("Writing…");
        ui.submit("export the report", () -> {
            AtomicFile.write(target, f.render(report), AtomicFile.Mode.PRIVATE);
            return target;
        }, done -> {
            running.set(false);
            message.set("Report of " + answered.size() + " servers written to " + done + ".");
            written.set(true);
        }, e -> {
            running.set(false);
            message.set("Could not write " + target + ": " + e.getMessage());
        });
    }
}
