package dev.upkeep.remote;

/** Where a server is in a run; shown per server in the overview and written to its log. */
public enum Step {
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

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED || this == NOT_STARTED || this == UNVERIFIED;
    }
}
