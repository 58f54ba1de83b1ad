package dev.upkeep.cli;

import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.ServerRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which servers of a run are busy and in which step, so that Ctrl-C can say what it is still waiting for. */
final class ServersInFlight implements RunListener {
    private static final Set<RunStep> REBOOTING = Set.of(RunStep.REBOOTING, RunStep.WAITING_FOR_BOOT, RunStep.HEALTH_CHECK, RunStep.UNDRAINING);
    private final Map<ServerRef, RunStep> steps = new LinkedHashMap<>();

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (event instanceof RunEvent.StepChanged s) {
            if (s.step().isFinal()) {
                steps.remove(s.server());
            } else if (s.step() != RunStep.QUEUED) {
                steps.put(s.server(), s.step());
            }
        } else if (event instanceof RunEvent.ServerFinished f) {
            steps.remove(f.result().server());
        }
    }

    /** Servers whose reboot was issued and is not verified yet. */
    synchronized List<String> rebooting() {
        return steps.entrySet().stream().filter(e -> REBOOTING.contains(e.getValue())).map(e -> e.getKey().server()).toList();
    }

    /** Every server still running, with its step ("srv01 (installing Docker)"). */
    synchronized List<String> running() {
        return steps.entrySet().stream().map(e -> e.getKey().server() + " (" + e.getValue().label() + ")").toList();
    }
}
