package dev.upkeep.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The simulated servers' shell: finds the answer for a script, or says "not found" (exit 127) for anything it does
 * not know, at once, never hanging. The unknown script is logged so that a changed remote script is noticed.
 */
final class SimShell {
    private static final Logger LOG = LoggerFactory.getLogger(SimShell.class);
    static final int NOT_FOUND = 127;

    private final List<Answer> answers = List.of(
            new StatusWithFactsAnswer(), new StatusAnswer(), new ListsUpdateAnswer(), new SecuritySimulateAnswer(), new SecurityStartAnswer(),
            new SecurityFollowAnswer(), new DockerResolveAnswer(), new JobStartAnswer(), new JobFollowAnswer(),
            new JobCancelAnswer(), new RebootStateAnswer(), new RebootIssueAnswer(), new ServiceCheckAnswer(),
            new ProcessKillAnswer(), new PatchFactsAnswer(), new HistoryReadAnswer(), new RestartCheckAnswer(),
            new RestartServicesAnswer());

    int run(RemoteScript script, SimSession session) throws IOException {
        for (Answer a : answers) {
            if (a.recognises(script)) {
                return a.answer(script, session);
            }
        }
        String word = script.firstWord();
        LOG.warn("demo server {}: no simulation for this command (answered 127): {}", session.host(), abbreviated(script.text()));
        session.terminal().err("sh: 1: " + (word.isEmpty() ? script.command() : word) + ": not found");
        return NOT_FOUND;
    }

    private static String abbreviated(String text) {
        String one = text.strip().replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
