package dev.upkeep.ui.manifest;

import dev.upkeep.ui.shared.UiExecutor;
import javafx.animation.PauseTransition;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static javafx.util.Duration.millis;

/** {@link ManifestTasks} on the window's one executor; debounce with an FX timer (called on the FX thread). */
public final class FxManifestTasks implements ManifestTasks {
    private final UiExecutor ui;
    private final PauseTransition pause = new PauseTransition();

    public FxManifestTasks(UiExecutor ui) {
        this.ui = ui;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        ui.submit("manifest editor", work, onSuccess::accept, onFailure);
    }

    @Override
    public void debounce(Duration delay, Runnable action) {
        pause.stop();
        pause.setDuration(millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }
}
