package dev.upkeep.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated server's detached jobs by name ("security-RUN_ID", "docker-RUN_ID"): they survive reboots. */
final class SimJobs {
    private final Map<String, SimJob> jobs = new LinkedHashMap<>();
    private String currentSecurityJob;

    /** Every detached job this server ran since the demo started, ended or not. */
    synchronized List<SimJob> all() {
        return List.copyOf(jobs.values());
    }

    /** The job of this kind and run, or null. */
    synchronized SimJob job(String kind, String runId) {
        return jobs.get(SimJob.name(kind, runId));
    }

    synchronized SecurityJob security(String runId) {
        return (SecurityJob) jobs.get(SimJob.name(SecurityJob.KIND, runId));
    }

    /** The security upgrade running now, if any (security-start.sh attaches to it rather than start another). */
    synchronized SecurityJob currentSecurity() {
        SecurityJob job = currentSecurityJob == null ? null : security(currentSecurityJob);
        return job != null && !job.ended() ? job : null;
    }

    synchronized void add(SimJob job) {
        jobs.put(job.name(), job);
        if (job instanceof SecurityJob) {
            currentSecurityJob = job.runId;
        }
    }

    /** The jobs that have not ended. */
    synchronized List<SimJob> running() {
        return jobs.values().stream().filter(j -> !j.ended()).toList();
    }
}
