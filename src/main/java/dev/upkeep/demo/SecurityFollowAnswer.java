package dev.upkeep.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;

/**
 * security-follow.sh: prints the job's log from line FROM on as it grows ("@@upkeep-follow at N" after each batch),
 * then the "@@upkeep-report" lines remote.SecurityUpgradeOutput reads; "@@upkeep-follow lost" for a job that died.
 */
final class SecurityFollowAnswer implements Answer {
    private static final Duration POLL = Duration.ofMillis(250);

    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("security-follow.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        String runId = script.variable("RUN_ID", "");
        SecurityJob job = s.host().job(runId);
        Terminal t = s.terminal();
        if (job == null) {
            t.out("@@upkeep-follow missing " + SecurityStartAnswer.log(runId));
            return 3;
        }
        int seen = Integer.parseInt(script.variable("FROM", "0"));
        while (true) {
            List<String> lines;
            try {
                lines = job.linesFrom(seen, POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped");
            }
            for (String line : lines) t.out(line);
            seen += lines.size();
            if (!lines.isEmpty()) t.out("@@upkeep-follow at " + seen);
            if (job.exitStatus() != null && seen >= job.size()) break;
            if (job.lost()) {
                t.out("@@upkeep-follow lost");
                return 3;
            }
        }
        report(job, s.host(), t);
        return 0;
    }

    private static void report(SecurityJob job, SimHost host, Terminal t) throws IOException {
        t.out("@@upkeep-report exit " + job.exitStatus());
        for (String u : job.upgraded()) t.out("@@upkeep-report upgraded " + u);
        if (host.rebootRequiredSince() != null) {
            t.out("@@upkeep-report reboot-required");
            for (String p : host.rebootPackages()) t.out("@@upkeep-report reboot-pkg " + p);
        }
        for (String line : DpkgText.audit(host.audit())) t.out("@@upkeep-report audit " + line);
        t.out("@@upkeep-report log " + SecurityStartAnswer.log(job.runId()));
    }
}
