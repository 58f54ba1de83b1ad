package dev.upkeep.ui.deploy;

import dev.upkeep.run.RunPlan;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.SudoPasswords;

import java.util.Arrays;

/**
 * The sudo password of one deploy: asked once (for the pre-flight or the run, whichever comes first), kept in
 * memory, each run gets its own copy (the runner wipes it), and {@link #wipe} clears it when the run ends.
 * The command line has the same logic (UpgradeCommand.AskOnce); the core could own it.
 */
final class SudoOnce implements SudoPasswords {
    private final SecretPrompt prompt;
    private boolean asked;
    private char[] password;

    SudoOnce(SecretPrompt prompt) {
        this.prompt = prompt;
    }

    /** Called by the runner on a worker thread: the prompt opens a dialog on the FX thread and waits. */
    @Override
    public synchronized char[] password(RunPlan plan) {
        if (!asked) {
            long n = plan.servers().stream().filter(s -> s.sudo()).count();
            password = prompt.ask("Sudo password", "Sudo password for " + n + " server(s) of this run.\n"
                    + "It is kept in memory for this run only. Leave it empty for passwordless sudo.");
            if (password != null && password.length == 0) password = null;
            asked = true;
        }
        return password == null ? null : password.clone();
    }

    synchronized void wipe() {
        if (password != null) Arrays.fill(password, '\0');
        password = null;
    }
}
