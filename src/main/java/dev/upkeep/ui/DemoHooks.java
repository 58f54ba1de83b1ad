package dev.upkeep.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * What the launcher tells the window about the demo fleet (the window knows nothing of how it is made).
 *
 * @param active    this window shows the demo fleet: the title and the status bar say so
 * @param ready     completes when the demo's workspace may be read (null: at once); failing, the window says why
 * @param starter   starts the demo fleet and returns its services, for "Try the demo fleet" (null: not offered)
 * @param smokeTest non-null in smoke-test mode: told the exit code and why once the smoke test is over
 */
public record DemoHooks(boolean active, CompletionStage<?> ready, Callable<AppServices> starter, SmokeResult smokeTest) {
    /** How a smoke test ended: 0 and what passed, or non-zero and why not. The receiver ends the process. */
    @FunctionalInterface
    public interface SmokeResult {
        void done(int exit, String message);
    }

    public static final DemoHooks NONE = new DemoHooks(false, null, null, null);

    /** A normal window that offers the demo fleet. */
    public static DemoHooks offering(Callable<AppServices> starter) {
        return new DemoHooks(false, null, starter, null);
    }

    /** The demo fleet's own window. */
    public static DemoHooks demo(CompletionStage<?> ready, SmokeResult smokeTest) {
        return new DemoHooks(true, ready, null, smokeTest);
    }
}
