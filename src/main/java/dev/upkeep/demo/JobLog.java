package dev.upkeep.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;

/**
 * What security-follow.sh and job-follow.sh share: print a job's log from line FROM on as it grows, with
 * "@@upkeep-follow at N" after each batch, until the job has an exit status or is known to be lost.
 */
final class JobLog {
    private static final Duration POLL = Duration.ofMillis(250);

    private JobLog() {
    }

    /** @return true when the job exited (its whole log printed), false when it died without an exit status */
    static boolean follow(SimJob job, int from, SimSession s) throws IOException {
        Terminal t = s.terminal();
        int seen = from;
        while (true) {
            List<String> lines;
            try {
                lines = job.linesFrom(seen, POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped");
            }
            for (String line : lines) {
                t.out(line);
            }
            seen += lines.size();
            if (!lines.isEmpty()) {
                t.out("@@upkeep-follow at " + seen);
            }
            if (job.exitStatus() != null && seen >= job.size()) {
                return true;
            }
            if (job.lost()) {
                // A reboot killed the job: this command dies with it, it does not live to report it.
                if (!s.host().up()) {
                    throw new InterruptedIOException("the server is going down");
                }
                return false;
            }
        }
    }
}
