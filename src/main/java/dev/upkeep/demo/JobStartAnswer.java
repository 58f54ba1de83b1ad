package dev.upkeep.demo;

import java.io.IOException;
import java.util.List;

/**
 * job-start.sh (header KIND, RUN_ID, LIMIT, LOCK_WAIT, then the body's variables): starts the detached job, or
 * attaches to it when it runs or already ran; never two. Prints "@@upkeep-job attach" for remote.JobFollower.
 */
final class JobStartAnswer implements Answer {
    private final List<JobAnswer> bodies = List.of(DockerJobAnswer.ANSWER, WeaveJobAnswer.ANSWER);

    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("job-start.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        String kind = script.variable("KIND", "");
        String runId = script.variable("RUN_ID", "");
        Terminal t = s.terminal();
        SimJob earlier = s.host().jobs().job(kind, runId);
        if (earlier != null && earlier.exitStatus() != null) {
            t.out("upkeep: the " + kind + " job " + runId + " already ran on this server: reporting it");
            t.out("@@upkeep-job attach");
            return 0;
        }
        if (earlier != null && !earlier.ended()) {
            t.out("upkeep: the " + kind + " job " + runId + " is already running on this server: following it");
            t.out("@@upkeep-job attach");
            return 0;
        }
        if (earlier != null) {
            t.out("upkeep: the earlier " + kind + " job " + runId + " ended without an exit status (killed, or the server"
                    + " rebooted); starting it again");
        }
        JobAnswer body = bodies.stream().filter(b -> b.recognises(script)).findFirst().orElse(null);
        if (body == null) {
            // Not a job this demo knows: a real server would run it; the demo says so instead of pretending.
            t.err("upkeep-demo: no simulation for the body of the " + kind + " job");
            return 1;
        }
        SimJob job = body.job(script, s);
        s.host().jobs().add(job);
        s.fleet().startJob(job);
        t.out("upkeep: " + kind + " job " + runId + " started detached (systemd-run unit upkeep-" + job.name() + "); log: "
                + job.logPath());
        t.out("@@upkeep-job attach");
        return 0;
    }
}
