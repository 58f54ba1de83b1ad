package dev.upkeep.demo;

import java.io.IOException;

/**
 * security-start.sh: checks dpkg, then starts the detached job or attaches to the one running (header RUN_ID,
 * LOCK_WAIT, REPAIR). Prints "@@upkeep attach RUN_ID" or "@@upkeep dpkg-interrupted" (exit 10) for remote.SecurityUpgrade.
 */
final class SecurityStartAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("security-start.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        SimHost host = s.host();
        String runId = script.variable("RUN_ID", "");
        boolean repair = script.variable("REPAIR", "0").equals("1");
        int lockWait = Integer.parseInt(script.variable("LOCK_WAIT", "300"));
        Terminal t = s.terminal();
        if (!host.dpkg().audit().isEmpty() && !repair) {
            t.out("@@upkeep dpkg-interrupted");
            for (String line : DpkgText.audit(host.dpkg().audit())) {
                t.out(line);
            }
            return 10;
        }
        if (!host.dpkg().audit().isEmpty()) {
            t.out("upkeep: dpkg was interrupted; the job repairs it first (dpkg --configure -a)");
        }
        SecurityJob running = host.jobs().currentSecurity();
        if (running != null) {
            t.out("upkeep: an upgrade is already running on this server (run " + running.runId + "): following it");
            t.out("@@upkeep attach " + running.runId);
            return 0;
        }
        SecurityJob earlier = host.jobs().security(runId);
        if (earlier != null && earlier.exitStatus() != null) {
            t.out("upkeep: upgrade " + runId + " already ran on this server: reporting it");
            t.out("@@upkeep attach " + runId);
            return 0;
        }
        SecurityJob job = new SecurityJob(host, runId, lockWait, repair, s.pace());
        host.jobs().add(job);
        s.fleet().startJob(job);
        t.out("upkeep: upgrade " + runId + " started detached (systemd-run unit upkeep-upgrade-" + runId + "); log: "
                + log(runId));
        t.out("@@upkeep attach " + runId);
        return 0;
    }

    static String log(String runId) {
        return "/var/log/upkeep/security-" + runId + ".log";
    }
}
