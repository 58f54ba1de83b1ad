package dev.upkeep.demo;

import java.util.function.BiFunction;

/**
 * The body of one kind of detached job (docker-job.sh, weave-job.sh): job-start.sh carries it to the server inside
 * the job it writes; the answer recognises it there and makes the simulated job that does what the body would.
 *
 * @param body the body's resource name
 * @param make the job to start for a script with this body (its header holds the body's variables)
 */
record JobAnswer(String body, BiFunction<RemoteScript, SimSession, SimJob> make) {
    boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body(body));
    }

    SimJob job(RemoteScript script, SimSession session) {
        return make.apply(script, session);
    }
}
