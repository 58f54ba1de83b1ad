package dev.upkeep.demo;

import java.io.IOException;

/**
 * job-follow.sh (header KIND, RUN_ID, FROM): the job's log from line FROM until it has an exit status, then
 * "@@upkeep-follow exit N"; "@@upkeep-follow lost" for a job that died, "missing" for one that never was.
 */
final class JobFollowAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("job-follow.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        String kind = script.variable("KIND", "");
        String runId = script.variable("RUN_ID", "");
        SimJob job = s.host().jobs().job(kind, runId);
        Terminal t = s.terminal();
        if (job == null) {
            t.out("@@upkeep-follow missing /var/log/upkeep/" + SimJob.name(kind, runId) + ".log");
            return 3;
        }
        if (!JobLog.follow(job, Integer.parseInt(script.variable("FROM", "0")), s)) {
            t.out("@@upkeep-follow lost");
            return 3;
        }
        t.out("@@upkeep-follow exit " + job.exitStatus());
        return 0;
    }
}
