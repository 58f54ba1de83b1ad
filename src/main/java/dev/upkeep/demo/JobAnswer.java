package dev.upkeep.demo;

/**
 * The body of one kind of detached job (docker-job.sh, weave-job.sh): job-start.sh carries it to the server inside
 * the job it writes; the answer recognises it there and makes the simulated job that does what the body would.
 */
interface JobAnswer {
    boolean recognises(RemoteScript script);

    /** The job to start for this script (its header holds the body's variables). */
    SimJob job(RemoteScript script, SimSession session);
}
