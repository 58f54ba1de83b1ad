package dev.upkeep.run;

/**
 * Where the Docker and Weave procedures come from; null means "not available yet" (the run refuses the option).
 */
public record UpgradeHooks(ProcedureFactory docker, ProcedureFactory weave) {
    public static final UpgradeHooks NONE = new UpgradeHooks(null, null);
}
