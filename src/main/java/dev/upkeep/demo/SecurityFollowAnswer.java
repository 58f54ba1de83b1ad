package dev.upkeep.demo;

import java.io.IOException;

/**
 * security-follow.sh: prints the job's log from line FROM on as it grows ("@@upkeep-follow at N" after each batch),
 * then the "@@upkeep-report" lines remote.SecurityUpgradeOutput reads; "@@upkeep-follow lost" for a job that died.
 */
final class SecurityFollowAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("security-follow.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        String runId = script.variable("RUN_ID", "");
        SecurityJob job = s.host().jobs().security(runId);
        Terminal t = s.terminal();
        if (job == null) {
            t.out("@@upkeep-follow missing " + SecurityStartAnswer.log(runId));
            return 3;
        }
        if (!JobLog.follow(job, Integer.parseInt(script.variable("FROM", "0")), s)) {
            t.out("@@upkeep-follow lost");
            return 3;
        }
        report(job, s.host(), t);
        return 0;
    }

    private static void report(SecurityJob job, SimHost host, Terminal t) throws IOException {
        t.out("@@upkeep-report exit " + job.exitStatus());
        for (String u : job.upgraded()) {
            t.out("@@upkeep-report upgraded " + u);
        }
        if (host.rebootRequiredSince() != null) {
            t.out("@@upkeep-report reboot-required");
            for (String p : host.rebootPackages()) {
                t.out("@@upkeep-report reboot-pkg " + p);
            }
        }
        for (String line : DpkgText.audit(host.dpkg().audit())) {
            t.out("@@upkeep-report audit " + line);
        }
        t.out("@@upkeep-report log " + SecurityStartAnswer.log(job.runId));
    }
}
