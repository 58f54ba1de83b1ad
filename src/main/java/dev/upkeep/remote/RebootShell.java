package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs one of the workspace's own shell commands (drain, undrain, health check) on the server as the login user,
 * with a time limit, streaming its output to the log and keeping its last lines for the result message.
 * The command is the user's shell text by design; it is handed to {@code sh -c} as one quoted word.
 */
final class RebootShell {
    private static final int KEEP_LINES = 5;

    private RebootShell() {
    }

    /** How the command ended: {@code exitStatus} -1 when it was killed or timed out. */
    record Outcome(int exitStatus, boolean timedOut, String lastLines) {
        boolean succeeded() {
            return exitStatus == 0 && !timedOut;
        }

        String describe() {
            String how = timedOut ? "timed out" : "exit " + exitStatus;
            return lastLines.isEmpty() ? how : how + ": " + lastLines;
        }
    }

    /** @throws CommandCancelledException when the run was cancelled (not when the time limit was reached) */
    static Outcome run(RebootTimer timer, ProcedureContext ctx, String command, Duration limit) throws SshException {
        return run(timer, ctx, command, limit, ctx.cancellation());
    }

    /** As {@link #run(RebootTimer, ProcedureContext, String, Duration)}, stopped by {@code parent} instead of the run's token. */
    static Outcome run(RebootTimer timer, ProcedureContext ctx, String command, Duration limit,
            Cancellation parent) throws SshException {
        Deque<String> last = new ArrayDeque<>();
        try (RebootTimer.Limited cancel = timer.limit(parent, limit)) {
            try {
                CommandResult r = ctx.connection().exec(Shell.script(command), (stream, line) -> {
                    ctx.line(stream, line);
                    synchronized (last) {
                        if (last.size() == KEEP_LINES) {
                            last.removeFirst();
                        }
                        last.addLast(line.strip());
                    }
                }, cancel.token());
                return new Outcome(r.exitSignal() == null ? r.exitStatus() : -1, false, joined(last));
            } catch (CommandCancelledException e) {
                if (!cancel.timedOut()) {
                    throw e;
                }
                return new Outcome(-1, true, joined(last));
            }
        }
    }

    private static String joined(Deque<String> lines) {
        synchronized (lines) {
            return String.join(" | ", lines.stream().filter(s -> !s.isEmpty()).toList());
        }
    }
}
