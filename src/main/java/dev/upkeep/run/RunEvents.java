package dev.upkeep.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a run's events to its listeners. Every event but output goes out under the run's lock, one at a time, so a
 * listener may pause or cancel from inside onEvent. Output lines, the bulk of a run's events, go out under their own
 * server's monitor instead: in order for that server, and a listener slow over one server's line holds up that server
 * only. A listener that throws is logged and the others still hear the event.
 */
final class RunEvents {
    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);

    private final List<RunListener> listeners;
    private final Object lock;
    private final Map<ServerRef, Object> outputOrder = new ConcurrentHashMap<>();

    RunEvents(List<RunListener> listeners, Object lock) {
        this.listeners = List.copyOf(listeners);
        this.lock = lock;
    }

    void emit(RunEvent event) {
        if (event instanceof RunEvent.Output o) {
            // stdout and stderr of one server are read on different threads: the monitor keeps its lines apart.
            synchronized (outputOrder.computeIfAbsent(o.server(), k -> new Object())) {
                deliver(event);
            }
            return;
        }
        synchronized (lock) {
            deliver(event);
        }
    }

    private void deliver(RunEvent event) {
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
