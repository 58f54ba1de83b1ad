package dev.upkeep.demo;

import java.io.IOException;

/** job-cancel.sh (header KIND, RUN_ID): asks the job to stop at its next safe point; it is never killed. */
final class JobCancelAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("job-cancel.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        String kind = script.variable("KIND", "");
        String runId = script.variable("RUN_ID", "");
        SimJob job = s.host().jobs().job(kind, runId);
        if (job != null && job.exitStatus() != null) {
            s.terminal().out("upkeep: the " + kind + " job " + runId + " had already ended");
            return 0;
        }
        if (job != null) {
            job.requestCancel();
        }
        s.terminal().out("upkeep: asked the " + kind + " job " + runId + " to stop at its next safe point (it is never"
                + " killed; dpkg is never cut off)");
        return 0;
    }
}
