package dev.upkeep.demo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status refresh's second step (remote.PatchFacts): restart-check.sh and history-read.sh ("recent") in one script,
 * so one answer prints what the two would, one after the other.
 */
final class PatchFactsAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("restart-check.sh")) && script.contains(RemoteResources.body("history-read.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        List<String> lines = new ArrayList<>(RestartCheckAnswer.lines(s.host()));
        lines.addAll(HistoryReadAnswer.lines(s.host(), false, 0, Instant.now()));
        for (String line : lines) {
            s.terminal().out(line);
        }
        return 0;
    }
}
