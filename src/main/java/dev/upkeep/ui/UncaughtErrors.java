package dev.upkeep.ui;

import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Errors;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Routes exceptions nobody caught to the log and to one error dialog (never a silent dead window). Installed
 * first thing in start(); the dialog service arrives later, so it is looked up when needed.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);
    private final Supplier<DialogService> dialogs;
    /** One dialog at a time: an exception in a cell renderer would otherwise open one per repaint. */
    private final AtomicBoolean showing = new AtomicBoolean();

    private UncaughtErrors(Supplier<DialogService> dialogs) {
        this.dialogs = dialogs;
    }

    static void install(Supplier<DialogService> dialogs) {
        UncaughtErrors handler = new UncaughtErrors(dialogs);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.error("Uncaught exception on {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        // runLater: a dialog may not be shown from inside a layout or animation pulse.
        Platform.runLater(() -> {
            try {
                DialogService d = dialogs.get();
                if (d != null) {
                    d.showError("Unexpected error", Errors.describe(error)
                        + "\n\nThe details are in the log. Your workspace file was not changed by this error.");
                }
            } finally {
                showing.set(false);
            }
        });
    }
}
