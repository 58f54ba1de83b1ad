package dev.upkeep.run;

import dev.upkeep.ssh.OutputListener;

import java.time.Instant;
import java.util.List;

/**
 * What happens during a run, in the order it happened for each server. The vocabulary is the run's own
 * ({@link RunStep}, {@link Stream}): the command line and the window read events without knowing the remote or SSH
 * layers' types; {@link ServerContext} maps a procedure's steps and lines into it.
 */
public sealed interface RunEvent {
    Instant at();

    /** Which of a server's streams a line came on; Upkeep's own narration is on STDOUT. */
    enum Stream {
        STDOUT, STDERR;

        static Stream of(OutputListener.Stream stream) {
            return stream == OutputListener.Stream.STDERR ? STDERR : STDOUT;
        }
    }

    /** First event of every run: everything it will try. */
    record RunStarted(RunPlan plan, Instant at) implements RunEvent {
    }

    /** A line of a server's output, or of Upkeep's narration about it (on STDOUT, starting "upkeep: "). */
    record Output(ServerRef server, Stream stream, String line, Instant at) implements RunEvent {
        public boolean isError() {
            return stream == Stream.STDERR;
        }
    }

    record StepChanged(ServerRef server, RunStep step, String detail, Instant at) implements RunEvent {
    }

    /** Exactly once per server of the plan, started or not. */
    record ServerFinished(ServerResult result, Instant at) implements RunEvent {
    }

    /** Last event of every run. */
    record RunFinished(RunSummary summary, Instant at) implements RunEvent {
    }

    /** A batch starts: its servers start now (number counts from 1, of {@code batches}). */
    record BatchStarted(int number, int batches, List<ServerRef> servers, Instant at) implements RunEvent {
        public BatchStarted {
            servers = List.copyOf(servers);
        }
    }

    /** Every server of the batch has finished (or the run stopped while it ran). */
    record BatchFinished(int number, int batches, Instant at) implements RunEvent {
    }

    /** Paused: no new server or batch starts; the ones running go on until they finish. */
    record Paused(String detail, Instant at) implements RunEvent {
    }

    record Resumed(Instant at) implements RunEvent {
    }

    /**
     * The run was cancelled: no new server starts, running ones reach a safe point ({@code stopWaiting} false); or it
     * also stopped waiting for servers mid-reboot and for detached jobs ({@code stopWaiting} true).
     */
    record Cancelling(boolean stopWaiting, Instant at) implements RunEvent {
    }

    /** The failure limit was reached: no new server or batch starts, the rest end NOT_STARTED. */
    record Stopping(String reason, Instant at) implements RunEvent {
    }

    static StepChanged step(ServerRef server, RunStep step, String detail) {
        return new StepChanged(server, step, detail, Instant.now());
    }
}
