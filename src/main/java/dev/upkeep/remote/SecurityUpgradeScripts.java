package dev.upkeep.remote;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The security upgrade's shell scripts (resources {@code security-*.sh}, after {@code detached-common.sh} and, to
 * follow, {@code follow-loop.sh}, which the Docker and Weave jobs share) with a header of validated values. Every
 * script runs privileged with its text on standard input, so nothing here is ever part of a command line.
 */
final class SecurityUpgradeScripts {
    /** Run ids become file and systemd unit names on the server: letters, digits and dashes only. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final String JOB_END = "UPKEEP_JOB_END";
    private static final String COMMON = Scripts.load("detached-common.sh") + Scripts.load("security-common.sh");
    private static final String START = Scripts.load("security-start.sh");
    private static final String LOCKS = Scripts.load("apt-locks.sh");
    private static final String JOB = Scripts.load("security-job.sh");
    private static final String FOLLOW = Scripts.load("follow-loop.sh") + Scripts.load("security-follow.sh");
    private static final String SIMULATE = Scripts.load("security-simulate.sh");

    private SecurityUpgradeScripts() {
    }

    /** Checks dpkg, then writes the job script and starts it detached (or attaches to the one running). */
    static String start(String runId, Duration lockWait, boolean repair) {
        String header = header(runId, lockWait, repair);
        String job = header + COMMON + LOCKS + JOB;
        if (job.contains("\n" + JOB_END + "\n")) {
            throw new IllegalStateException("job script contains its own delimiter");
        }
        return header + COMMON + "write_job() {\ncat <<'" + JOB_END + "'\n#!/bin/sh\n" + job + JOB_END + "\n}\n" + START;
    }

    /** Follows run {@code runId}'s log from line {@code from} (0 = the start) until it ends, then reports. */
    static String follow(String runId, long from) {
        if (from < 0) {
            throw new IllegalArgumentException("negative line " + from);
        }
        return header(runId, Duration.ZERO, false) + "FROM=" + from + "\n" + COMMON + FOLLOW;
    }

    static String simulate(Duration lockWait) {
        return "LOCK_WAIT=" + lockWait.toSeconds() + "\nexport LC_ALL=C DEBIAN_FRONTEND=noninteractive\n" + SIMULATE;
    }

    static String common() {
        return COMMON;
    }

    static String locks() {
        return LOCKS;
    }

    static String job() {
        return JOB;
    }

    private static String header(String runId, Duration lockWait, boolean repair) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        return "RUN_ID=" + runId + "\nLOCK_WAIT=" + lockWait.toSeconds() + "\nREPAIR=" + (repair ? 1 : 0) + "\n";
    }
}
