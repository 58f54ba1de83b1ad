package dev.upkeep.demo;

import java.io.IOException;

/** reboot-state.sh: boot id, reboot-required, whether a reboot asked for is still pending (remote.RebootState). */
final class RebootStateAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("reboot-state.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        SimHost h = s.host();
        Terminal t = s.terminal();
        t.out("@@upkeep-reboot-state 1");
        t.out("boot_id=" + h.bootId());
        t.out("reboot_required=" + (h.rebootRequiredSince() != null ? "yes" : "no"));
        if (h.rebootPending()) {
            t.out("pending=yes");
        }
        t.out("@@reboot_pkgs");
        if (h.rebootRequiredSince() != null) {
            for (String p : h.rebootPackages()) {
                t.out(p);
            }
        }
        t.out("@@failed");
        t.out("@@end");
        return 0;
    }
}
