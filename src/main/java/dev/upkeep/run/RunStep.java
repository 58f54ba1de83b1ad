package dev.upkeep.run;

import dev.upkeep.remote.Step;

/**
 * Where a server is in a run, as the run tells its listeners (the command line, the window, the history). The
 * procedures in {@code remote} report their own {@link Step}s; the run maps each one here, once, so that the front
 * ends never learn the remote layer's types. The names are the same (summary.json stores the name); the labels, the
 * words people read, are only here.
 */
public enum RunStep {
    QUEUED("queued"),
    CONNECTING("connecting"),
    WAITING_FOR_LOCK("waiting for apt lock"),
    UPDATING_LISTS("updating package lists"),
    UPGRADING("upgrading"),
    INSTALLING_DOCKER("installing Docker"),
    INSTALLING_WEAVE("installing Weave"),
    DRAINING("draining"),
    REBOOTING("rebooting"),
    WAITING_FOR_BOOT("waiting for boot"),
    HEALTH_CHECK("health check"),
    /** Looking for services still using replaced libraries, restarting them, looking again. */
    RESTARTING_SERVICES("restarting services"),
    UNDRAINING("undraining"),
    DONE("done"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    NOT_STARTED("not started"),
    /** The run stopped waiting for it mid-reboot: it went down and was not seen coming back healthy. */
    UNVERIFIED("unverified");

    private final String label;

    RunStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED || this == NOT_STARTED || this == UNVERIFIED;
    }

    /** The one place a procedure's step becomes a run's (a switch, so a new remote step fails to compile here). */
    static RunStep of(Step step) {
        return switch (step) {
            case QUEUED -> QUEUED;
            case CONNECTING -> CONNECTING;
            case WAITING_FOR_LOCK -> WAITING_FOR_LOCK;
            case UPDATING_LISTS -> UPDATING_LISTS;
            case UPGRADING -> UPGRADING;
            case INSTALLING_DOCKER -> INSTALLING_DOCKER;
            case INSTALLING_WEAVE -> INSTALLING_WEAVE;
            case DRAINING -> DRAINING;
            case REBOOTING -> REBOOTING;
            case WAITING_FOR_BOOT -> WAITING_FOR_BOOT;
            case HEALTH_CHECK -> HEALTH_CHECK;
            case RESTARTING_SERVICES -> RESTARTING_SERVICES;
            case UNDRAINING -> UNDRAINING;
            case DONE -> DONE;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case NOT_STARTED -> NOT_STARTED;
            case UNVERIFIED -> UNVERIFIED;
        };
    }
}
