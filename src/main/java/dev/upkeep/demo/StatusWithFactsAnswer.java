package dev.upkeep.demo;

import dev.upkeep.remote.StatusRoundTrip;

import java.io.IOException;

/**
 * A status refresh's one command (remote.StatusRoundTrip): status.sh, the marker, then the patch facts the command
 * reads from standard input, as the two answers would print them one after the other.
 */
final class StatusWithFactsAnswer implements Answer {
    private final StatusAnswer status = new StatusAnswer();
    private final PatchFactsAnswer facts = new PatchFactsAnswer();

    @Override
    public boolean recognises(RemoteScript script) {
        return status.recognises(script) && script.contains(StatusRoundTrip.FACTS_MARK);
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        int exit = status.answer(script, s);
        s.terminal().out(StatusRoundTrip.FACTS_MARK);
        facts.answer(script, s);
        return exit;
    }
}
