package dev.upkeep.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The detached security-upgrade job on a simulated server: what security-job.sh and unattended-upgrade do on a real
 * one. It has no safe points and no time limit: it is followed until it ends, or until a reboot kills it.
 */
final class SecurityJob extends SimJob {
    static final String KIND = "security";

    private final int lockWait;
    private final boolean repair;
    private final List<String> upgraded = new ArrayList<>();

    SecurityJob(SimHost host, String runId, int lockWait, boolean repair, DemoPace pace) {
        super(host, KIND, runId, pace, null);
        this.lockWait = lockWait;
        this.repair = repair;
    }

    synchronized List<String> upgraded() {
        return List.copyOf(upgraded);
    }

    @Override
    protected int script() throws InterruptedException, Exit {
        emit("upkeep: security upgrade " + runId + " on " + host.name + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + ", pid " + pid());
        emit("@@upkeep step WAITING_FOR_LOCK");
        if (!waitForLocks(lockWait, null)) {
            return 11;
        }
        if (repair && !host.dpkg().audit().isEmpty()) {
            repair();
        }
        emit("@@upkeep step UPDATING_LISTS");
        pause(pace.step());
        for (String line : host.os.updateLines()) {
            emit(line);
        }
        host.updateLists(Instant.now());
        if (!host.unattendedInstalled()) {
            installUnattendedUpgrades();
        }
        host.enableDailyUpgrades();
        host.disableAutomaticReboot(); // security-job.sh's 99upkeep-no-automatic-reboot: never reboots by itself
        emit("@@upkeep step WAITING_FOR_LOCK");
        emit("@@upkeep step UPGRADING unattended-upgrade, security origins only");
        int rc = new UnattendedUpgrade(host, this::emit, this::pause, pace, this::upgraded).run();
        emit("upkeep: unattended-upgrade exited with " + rc);
        return rc;
    }

    private void repair() throws InterruptedException {
        emit("@@upkeep step UPGRADING repairing dpkg");
        emit("upkeep: dpkg --configure -a");
        pause(pace.step());
        for (String pkg : host.dpkg().repair()) {
            emit("Setting up " + DpkgText.qualified(pkg) + " ...");
        }
        emit("Processing triggers for libc-bin (2.35-0ubuntu3.7) ...");
    }

    private void installUnattendedUpgrades() throws InterruptedException {
        emit("@@upkeep step UPGRADING installing unattended-upgrades");
        emit("Reading package lists...");
        emit("Building dependency tree...");
        emit("Reading state information...");
        emit("The following NEW packages will be installed:");
        emit("  unattended-upgrades");
        emit("0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.");
        pause(pace.step());
        emit("Setting up unattended-upgrades (2.8ubuntu1) ...");
        host.installUnattendedUpgrades();
        Instant now = Instant.now();
        host.patchLog().add(new AptEntry(now, now, "apt-get -q -y install unattended-upgrades", null,
                List.of(new AptEntry.Change("unattended-upgrades", null, "2.8ubuntu1", false)), null));
    }

    private void upgraded(SimPackage p) {
        synchronized (this) {
            upgraded.add(p.name() + " " + p.to());
        }
    }
}
