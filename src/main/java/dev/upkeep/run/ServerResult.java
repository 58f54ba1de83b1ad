package dev.upkeep.run;


import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one server's part of a run ended. {@code outcome} is DONE, FAILED, CANCELLED or NOT_STARTED;
 * {@code started} is null when it never started.
 */
public record ServerResult(ServerRef server, RunStep outcome, String message, Instant started, Duration duration,
                           List<String> upgraded, boolean rebootRequired, List<String> rebootPackages) {
    public ServerResult {
        upgraded = upgraded == null ? List.of() : List.copyOf(upgraded);
        rebootPackages = rebootPackages == null ? List.of() : List.copyOf(rebootPackages);
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("not a final step: " + outcome);
        }
    }

    public boolean succeeded() {
        return outcome == RunStep.DONE;
    }

    static ServerResult notStarted(ServerRef server, String why) {
        return new ServerResult(server, RunStep.NOT_STARTED, why, null, Duration.ZERO, List.of(), false, List.of());
    }
}
