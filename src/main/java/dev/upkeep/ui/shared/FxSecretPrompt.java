package dev.upkeep.ui.shared;

import dev.upkeep.run.SecretPrompt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Lets a worker thread ask the person at the window for a secret: the dialog opens on the FX thread and the worker
 * waits for the answer. Never called on the FX thread (that would deadlock), so it refuses there.
 */
public final class FxSecretPrompt implements SecretPrompt {
    private final UiExecutor ui;
    private final DialogService dialogs;

    public FxSecretPrompt(UiExecutor ui, DialogService dialogs) {
        this.ui = ui;
        this.dialogs = dialogs;
    }

    @Override
    public char[] ask(String title, String question) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a secret is asked from a worker thread, never from the FX thread");
        }
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        ui.onUi(() -> answer.complete(dialogs.askSecret(title, question).orElse(null)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
