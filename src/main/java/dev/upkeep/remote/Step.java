package dev.upkeep.remote;

/**
 * Where a procedure says a server is (scripts say it with "@@upkeep step NAME"). The run maps each onto its own
 * {@code run.RunStep}, which carries the words shown to people; here a step is only a name.
 */
public enum Step {
    QUEUED,
    CONNECTING,
    WAITING_FOR_LOCK,
    UPDATING_LISTS,
    UPGRADING,
    INSTALLING_DOCKER,
    INSTALLING_WEAVE,
    DRAINING,
    REBOOTING,
    WAITING_FOR_BOOT,
    HEALTH_CHECK,
    /** Looking for services still using replaced libraries, restarting them, looking again. */
    RESTARTING_SERVICES,
    UNDRAINING,
    DONE,
    FAILED,
    CANCELLED,
    NOT_STARTED,
    /** The run stopped waiting for it mid-reboot: it went down and was not seen coming back healthy. */
    UNVERIFIED
}
