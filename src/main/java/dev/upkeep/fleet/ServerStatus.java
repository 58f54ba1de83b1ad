package dev.upkeep.fleet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What one status probe learned about one server. Unknown is not "no": a fact the probe did not learn is null (every
 * fact of a server that could not be reached, a count the probe did not get to), never false or 0. When
 * {@code reachable} is false only {@code error} is meaningful. Field names are the JSON contract of
 * {@code upkeep status --json}. {@code kex} is the key exchange of the SSH connection the probe ran on (null when not
 * known).
 * <p>
 * The last three come from their own steps of the refresh: {@code securityPackages} lists the pending security
 * updates ("name version") the counts are made of; {@code restartNeeds} (services still using replaced libraries,
 * the kernel) and {@code securityPatchAge} (the last security upgrade) are null when unknown.
 * {@code osInfo} is what os-release said (id, version, codename) and whether Ubuntu ESM is in its sources;
 * {@code phasedUpdates} counts upgrades apt holds back for Ubuntu's phased roll-out (not pending, not failures).
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
        NegotiatedKex kex,
        List<String> securityPackages,
        RestartNeeds restartNeeds,
        SecurityPatchAge securityPatchAge,
        OsInfo osInfo,
        Integer phasedUpdates) {

    public ServerStatus {
        rebootPackages = rebootPackages == null ? List.of() : List.copyOf(rebootPackages);
        securityPackages = securityPackages == null ? List.of() : List.copyOf(securityPackages);
    }

    /** A status without what the OS probe adds (its os-release facts and phased updates). */
    public ServerStatus(String application, String server, boolean reachable, String error, String os, String kernel,
                        String installedKernel, String bootId, Long uptimeSeconds, Boolean rebootRequired,
                        List<String> rebootPackages, Instant rebootRequiredSince, Integer securityUpdates,
                        Integer otherUpdates, Instant packageListsUpdated, Boolean unattendedUpgrades,
                        String dockerVersion, String weaveVersion, Instant checkedAt, NegotiatedKex kex,
                        List<String> securityPackages, RestartNeeds restartNeeds, SecurityPatchAge securityPatchAge) {
        this(application, server, reachable, error, os, kernel, installedKernel, bootId, uptimeSeconds, rebootRequired,
                rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates, packageListsUpdated,
                unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, securityPackages, restartNeeds,
                securityPatchAge, null, null);
    }

    /** A status without the pending package names, the services to restart and the patch age (all unknown). */
    public ServerStatus(String application, String server, boolean reachable, String error, String os, String kernel,
                        String installedKernel, String bootId, Long uptimeSeconds, Boolean rebootRequired,
                        List<String> rebootPackages, Instant rebootRequiredSince, Integer securityUpdates,
                        Integer otherUpdates, Instant packageListsUpdated, Boolean unattendedUpgrades,
                        String dockerVersion, String weaveVersion, Instant checkedAt, NegotiatedKex kex) {
        this(application, server, reachable, error, os, kernel, installedKernel, bootId, uptimeSeconds, rebootRequired,
                rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates, packageListsUpdated,
                unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, List.of(), null, null);
    }

    /** A status without the connection's key exchange, with the refresh's patch facts. */
    public ServerStatus(String application, String server, boolean reachable, String error, String os, String kernel,
                        String installedKernel, String bootId, Long uptimeSeconds, Boolean rebootRequired,
                        List<String> rebootPackages, Instant rebootRequiredSince, Integer securityUpdates,
                        Integer otherUpdates, Instant packageListsUpdated, Boolean unattendedUpgrades,
                        String dockerVersion, String weaveVersion, Instant checkedAt, List<String> securityPackages,
                        RestartNeeds restartNeeds, SecurityPatchAge securityPatchAge) {
        this(application, server, reachable, error, os, kernel, installedKernel, bootId, uptimeSeconds, rebootRequired,
                rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates, packageListsUpdated,
                unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, null, securityPackages, restartNeeds,
                securityPatchAge);
    }

    /** A status without the connection's key exchange (as the probe's output alone tells it). */
    public ServerStatus(String application, String server, boolean reachable, String error, String os, String kernel,
                        String installedKernel, String bootId, Long uptimeSeconds, Boolean rebootRequired,
                        List<String> rebootPackages, Instant rebootRequiredSince, Integer securityUpdates,
                        Integer otherUpdates, Instant packageListsUpdated, Boolean unattendedUpgrades,
                        String dockerVersion, String weaveVersion, Instant checkedAt) {
        this(application, server, reachable, error, os, kernel, installedKernel, bootId, uptimeSeconds,
                rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, (NegotiatedKex) null);
    }

    public static ServerStatus unreachable(String application, String server, String error, Instant checkedAt) {
        return new ServerStatus(application, server, false, error, null, null, null, null, null, null, List.of(),
                null, null, null, null, null, null, null, checkedAt);
    }

    /** The same status with a problem noted (a step of the refresh failed although the server answered). */
    public ServerStatus withError(String problem) {
        return new ServerStatus(application, server, reachable, problem, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, securityPackages,
                restartNeeds, securityPatchAge, osInfo, phasedUpdates);
    }

    /** The same status with the key exchange its connection negotiated. */
    public ServerStatus withKex(NegotiatedKex negotiated) {
        return new ServerStatus(application, server, reachable, error, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, negotiated,
                securityPackages, restartNeeds, securityPatchAge, osInfo, phasedUpdates);
    }

    /** The same status with what the refresh's restart and patch-age step learned. */
    public ServerStatus withPatchFacts(RestartNeeds restart, SecurityPatchAge age) {
        return new ServerStatus(application, server, reachable, error, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, securityPackages,
                restart, age, osInfo, phasedUpdates);
    }

    /** The same status with the names of the pending security updates. */
    public ServerStatus withSecurityPackages(List<String> packages) {
        return new ServerStatus(application, server, reachable, error, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, packages,
                restartNeeds, securityPatchAge, osInfo, phasedUpdates);
    }

    /** The same status with the OS facts and phased-update count the probe found. */
    public ServerStatus withOs(OsInfo info, Integer phased) {
        return new ServerStatus(application, server, reachable, error, os, kernel, installedKernel, bootId,
                uptimeSeconds, rebootRequired, rebootPackages, rebootRequiredSince, securityUpdates, otherUpdates,
                packageListsUpdated, unattendedUpgrades, dockerVersion, weaveVersion, checkedAt, kex, securityPackages,
                restartNeeds, securityPatchAge, info, phased);
    }

    /** Where the server's release stands in its support life on the day it was checked (UNKNOWN when not known). */
    public OsSupport support() {
        if (osInfo == null || checkedAt == null) {
            return OsSupport.UNKNOWN;
        }
        return osInfo.support(checkedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * {@code Ubuntu 22.04 LTS (jammy): standard support until 2027-06-01; ESM enabled}: what the window and the
     * terminal table show (null when the OS is not known).
     */
    public String supportSummary() {
        if (osInfo == null) {
            return null;
        }
        OsSupport support = support();
        String release = support.release() != null ? support.release() : os != null ? os : osInfo.id();
        Boolean esm = osInfo.esmEnabled();
        return release + ": " + support.describe() + (esm == null ? "" : esm ? "; ESM enabled" : "; ESM not enabled");
    }

    /** Services Upkeep could restart to load the replaced libraries (0 when none or unknown). */
    public int servicesToRestart() {
        return restartNeeds == null ? 0 : restartNeeds.restartable().size();
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
