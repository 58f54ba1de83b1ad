package dev.upkeep.demo;

import java.io.IOException;

/** reboot-issue.sh: marks the reboot pending and reboots a moment later, after this command has returned. */
final class RebootIssueAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("reboot-issue.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        s.host().markRebootPending();
        s.fleet().scheduleReboot(s.host());
        s.terminal().out("reboot scheduled");
        return 0;
    }
}
