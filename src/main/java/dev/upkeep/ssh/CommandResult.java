package dev.upkeep.ssh;

import java.time.Duration;

/**
 * How a remote command ended.
 *
 * @param exitStatus the exit status, or -1 when the command was killed by a signal
 * @param exitSignal the signal name (e.g. "KILL") when killed by one, else null
 */
public record CommandResult(int exitStatus, String exitSignal, Duration duration) {
    public boolean succeeded() {
        return exitStatus == 0 && exitSignal == null;
    }
}
