package dev.upkeep.remote;

/** The manifest does not say (strictly) which Docker/Weave version to install: nothing may run. */
public class UpgradeTargetsException extends Exception {
    public UpgradeTargetsException(String message) {
        super(message);
    }
}
