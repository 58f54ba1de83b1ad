package dev.upkeep.demo;

import java.io.IOException;
import java.time.Instant;

/** security-simulate.sh: the pre-flight (apt-get update, then the "Inst" lines of apt-get -s upgrade). */
final class SecuritySimulateAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("security-simulate.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        Terminal.sleep(s.pace().step());
        s.host().updateLists(Instant.now());
        s.terminal().out("@@upkeep-simulate");
        for (SimPackage p : s.host().visiblePending()) {
            s.terminal().out(StatusAnswer.inst(s.host(), p));
        }
        for (String line : DpkgText.audit(s.host().dpkg().audit())) {
            s.terminal().out("@@upkeep-audit " + line);
        }
        return 0;
    }
}
