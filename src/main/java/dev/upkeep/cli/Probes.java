package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The status probes the commands make: for a table or report in selection order, or to look servers up by name. */
final class Probes {
    private Probes() {
    }

    /**
     * Asks every selected server, saying each unreachable one on {@code errors} as it answers (null: say nothing),
     * and returns the answers in the selection's order.
     */
    static List<ServerStatus> inOrder(StatusService status, Workspace ws, List<ServerRef> refs, boolean updateLists,
                                      boolean recompute, PrintWriter errors) throws Exception {
        List<ServerStatus> answers = new ArrayList<>(status.refresh(ws, refs, updateLists, recompute, (ref, s) -> {
            if (errors != null && !s.reachable()) {
                synchronized (errors) {
                    errors.println(ref + ": " + s.error());
                }
            }
        }).completion().get());
        answers.sort(Comparator.comparingInt(s -> refs.indexOf(ref(s))));
        return answers;
    }

    /** 0 when every selected server answered, else 1 (the unreachable ones were said as they answered). */
    static int exitCode(List<ServerStatus> answers, List<ServerRef> refs) {
        boolean allAnswered = answers.size() == refs.size() && answers.stream().allMatch(ServerStatus::reachable);
        return allAnswered ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** The servers' status right now, by server (an unreachable one says so in its status). */
    static Map<ServerRef, ServerStatus> byServer(StatusService status, Workspace ws, List<ServerRef> refs) throws Exception {
        Map<ServerRef, ServerStatus> now = new HashMap<>();
        status.refresh(ws, refs, false, (ref, s) -> { }).completion().get().forEach(s -> now.put(ref(s), s));
        return now;
    }

    private static ServerRef ref(ServerStatus s) {
        return new ServerRef(s.application(), s.server());
    }
}
