package dev.upkeep.demo;

import java.io.IOException;
import java.util.Set;

/**
 * weave-install.sh (header VERSION, URL). Nothing is ever downloaded: the demo's "mirror" knows a few Weave
 * releases; Weave runs as a systemd unit on every demo server that has it, so it is restarted with systemctl.
 */
final class WeaveInstallAnswer implements Answer {
    static final Set<String> RELEASES = Set.of("2.8.1", "2.8.0", "2.7.0", "2.6.5");

    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("weave-install.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        SimHost h = s.host();
        Terminal t = s.terminal();
        String version = script.variable("VERSION", "");
        Terminal.sleep(s.pace().step());
        if (!RELEASES.contains(version)) {
            t.err("curl: (22) The requested URL returned error: 404");
            t.out("@@upkeep error download failed: " + script.variable("URL", ""));
            return 2;
        }
        String before = h.weave();
        t.out("@@upkeep before " + (before == null ? "none" : before));
        t.out("@@upkeep restart " + (before == null ? "none" : "systemd"));
        if (version.equals(before)) {
            t.out("@@upkeep already " + version);
            return 0;
        }
        t.out("@@upkeep installed /usr/local/bin/weave");
        Terminal.sleep(s.pace().step());
        h.weaveInstalled(version);
        t.out("@@upkeep script " + version);
        if (before != null) t.out("@@upkeep router " + version);
        return 0;
    }
}
