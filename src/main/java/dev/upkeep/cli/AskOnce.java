package dev.upkeep.cli;

import dev.upkeep.run.RunPlan;
import dev.upkeep.run.SudoPasswords;

import java.util.Arrays;

/** The pre-flight and the run share one answer: asked once, each run gets (and wipes) its own copy. */
final class AskOnce implements SudoPasswords {
    private final SudoPasswords delegate;
    private boolean asked;
    private char[] password;

    AskOnce(SudoPasswords delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized char[] password(RunPlan plan) {
        if (!asked) {
            password = delegate.password(plan);
            asked = true;
        }
        return password == null ? null : password.clone();
    }

    synchronized void wipe() {
        if (password != null) Arrays.fill(password, '\0');
    }
}
