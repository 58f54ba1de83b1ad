package dev.upkeep.remote;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The scripts of a job that runs detached on a server, as the security upgrade does (systemd-run, else nohup setsid):
 * resources {@code job-*.sh} (after {@code detached-common.sh} and, to follow, {@code follow-loop.sh}, which the security
 * upgrade shares) around a body ({@code docker-job.sh}, {@code weave-job.sh}). The job logs to
 * {@code /var/log/upkeep/<kind>-<run id>.log}, writes its exit status last, stops at a safe point when asked
 * ({@code /var/lib/upkeep/<kind>-<run id>.cancel}) or when its time limit is up, and is never killed. Every script runs
 * privileged with its text on standard input; values in its header are validated or quoted here.
 */
final class DetachedJob {
    private static final Pattern KIND = Pattern.compile("[a-z]{1,20}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String END = "UPKEEP_JOB_END";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COMMON = Scripts.load("detached-common.sh") + Scripts.load("job-common.sh");
    private static final String LOCKS = Scripts.load("apt-locks.sh");
    private static final String PROLOGUE = Scripts.load("job-prologue.sh");
    private static final String START = Scripts.load("job-start.sh");
    private static final String FOLLOW = Scripts.load("follow-loop.sh") + Scripts.load("job-follow.sh");
    private static final String CANCEL = Scripts.load("job-cancel.sh");

    private final String kind;
    private final String runId;
    private final Duration limit;
    private final String header;
    private final String body;

    /**
     * @param runId     names the job's files (letters, digits, dashes); null makes a fresh one
     * @param limit     the job stops at its next safe point once this is up (and Upkeep stops following soon after)
     * @param variables the body's variables (NAME → value), quoted; no value may span lines
     */
    DetachedJob(String kind, String runId, Duration limit, Duration lockWait, String bodyResource, Map<String, String> variables) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("not a job kind: " + kind);
        }
        String id = runId == null ? newId() : runId;
        if (!SecurityUpgradeScripts.RUN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        this.kind = kind;
        this.runId = id;
        this.limit = limit;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("KIND", kind);
        all.put("RUN_ID", id);
        all.put("LIMIT", Long.toString(limit.toSeconds()));
        all.put("LOCK_WAIT", Long.toString(lockWait.toSeconds()));
        all.putAll(variables);
        StringBuilder h = new StringBuilder();
        all.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a variable name: " + name);
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(name + " spans lines");
            }
            h.append(name).append('=').append(Shell.quote(value)).append('\n');
        });
        this.header = h.toString();
        this.body = Scripts.load(bodyResource);
    }

    /** "20261126T094901Z-3fa9c2"-like, for a job outside a run. */
    static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "job-" + HexFormat.of().formatHex(b);
    }

    String kind() {
        return kind;
    }

    Duration limit() {
        return limit;
    }

    String log() {
        return "/var/log/upkeep/" + kind + "-" + runId + ".log";
    }

    /** Writes the job and starts it detached, or attaches to it when it runs or already ran. */
    String start() {
        String job = header + COMMON + LOCKS + PROLOGUE + body;
        if (job.contains("\n" + END + "\n")) {
            throw new IllegalStateException("job script contains its own delimiter");
        }
        return header + COMMON + "write_job() {\ncat <<'" + END + "'\n#!/bin/sh\n" + job + END + "\n}\n" + START;
    }

    /** Prints the job's log from line {@code from} (0 = the start) until it ends, then its exit status. */
    String follow(long from) {
        if (from < 0) {
            throw new IllegalArgumentException("negative line " + from);
        }
        return header + "FROM=" + from + "\n" + COMMON + FOLLOW;
    }

    /** Asks the job to stop at its next safe point. */
    String cancel() {
        return header + COMMON + CANCEL;
    }
}
