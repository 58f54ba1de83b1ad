package dev.upkeep.run;

/**
 * Receives a run's events. Calls never overlap (the runner delivers one event at a time), but they come from the
 * run's worker threads: a window hands them to its thread in batches; don't block here for long.
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
