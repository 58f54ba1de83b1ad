package dev.upkeep.fleet;

import java.time.Instant;
import java.util.List;

/**
 * What one status probe learned about one server. Unknown is not "no": a fact the probe did not learn is null (every
 * fact of a server that could not be reached, a count the probe did not get to), never false or 0. When
 * {@code reachable} is false only {@code error} is meaningful. Field names are the JSON contract of
 * {@code upkeep status --json}. {@code kex} is the key exchange of the SSH connection the probe ran on (null when not
 * known).
 */
public record ServerStatus(
        String application,
        String server,
        boolean reachable,
        String error,
        String os,
        String kernel,
        String installedKernel,
        String bootId,
        Long uptimeSeconds,
        Boolean rebootRequired,
        List<String> rebootPackages,
        Instant rebootRequiredSince,
        Integer securityUpdates,
        Integer otherUpdates,
        Instant packageListsUpdated,
        Boolean unattendedUpgrades,
        String dockerVersion,
        String weaveVersion,
        Instant checkedAt,
        NegotiatedKex kex) {

    public ServerStatus {
        rebootPackages = rebootPackages == null ? List.of() : List.copyOf(rebootPackages);
    }

    /** A status without the connection's key exchange (as the probe's output alone tells it). */
    public ServerStatus(String application, String server, boolean reachable, String error, String os, String kernel,
                        String installedKernel, String bootId, Long uptimeSeconds, Boolean rebootRequired,
                        List<String> rebootPackages, Instant rebootRequiredSince, Integer securityUpdates,
                        Integer otherUpdates, Instant packageListsUpdated, Boolean unattendedUpgrades,
                        String dockerVersion, String weaveVersion, Instant checkedAt) {
        this(application, server, reachable, error, os, kernel, installedKernel, bootId, uptimeSeconds,
                rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, null);
    }

    public static ServerStatus unreachable(String application, String server, String error, Instant checkedAt) {
        return new ServerStatus(application, server, false, error, null, null, null, null, null, null, List.of(),
                null, null, null, null, null, null, null, checkedAt);
    }

    /** The same status with a problem noted (a step of the refresh failed although the server answered). */
    public ServerStatus withError(String problem) {
        return new ServerStatus(application, server, reachable, problem, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex);
    }

    /** The same status with the key exchange its connection negotiated. */
    public ServerStatus withKex(NegotiatedKex negotiated) {
        return new ServerStatus(application, server, reachable, error, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, negotiated);
    }

    /** Reached over a key exchange that is not post-quantum (OpenSSH 10.1 warns about those connections). */
    public boolean kexNotPostQuantum() {
        return reachable && kex != null && !kex.postQuantum();
    }

    /** A newer kernel is installed than the one running: a reboot would change it. */
    public boolean kernelUpdatePending() {
        return reachable && installedKernel != null && kernel != null && !installedKernel.equals(kernel);
    }

    public boolean needsAttention() {
        return !reachable || error != null || needsReboot() || securityUpdates != null && securityUpdates > 0;
    }

    /**
     * The probe got as far as the reboot and package-list checks (it reads them together): only then does a null
     * {@code packageListsUpdated} mean "never updated" rather than unknown.
     */
    public boolean listsKnown() {
        return reachable && rebootRequired != null;
    }

    /** Known to need a reboot (false when it does not, or when that is unknown). */
    public boolean needsReboot() {
        return Boolean.TRUE.equals(rebootRequired);
    }
}
