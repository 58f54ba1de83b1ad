package dev.upkeep.demo;

import java.io.IOException;
import java.time.Instant;

/** The refresh's "apt-get -q update" (Refresh with package-list update, status --update-lists). */
final class ListsUpdateAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.text().strip().startsWith("apt-get -q update");
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        for (String line : s.host().os.updateLines()) {
            s.terminal().out(line, s.pace().line());
        }
        s.host().updateLists(Instant.now());
        return 0;
    }
}
