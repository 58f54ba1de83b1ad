package dev.upkeep.run;

/**
 * Receives a run's events, from the run's worker threads. The events of one server come in order. Output lines of
 * different servers may come at the same time, and alongside other events (a listener that keeps state guards it);
 * every other event comes one at a time. A window hands them to its thread in batches; don't block here for long:
 * a listener stuck on a line holds up that line's server.
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
