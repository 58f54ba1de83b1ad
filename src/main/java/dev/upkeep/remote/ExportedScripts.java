package dev.upkeep.remote;

import java.time.Duration;

/**
 * Upkeep's own remote procedures as standalone scripts, for an exported Ansible playbook: the same text a run sends,
 * so the playbook applies exactly the policy Upkeep applies (same origins, same apt configuration, same lock wait).
 */
public final class ExportedScripts {
    private ExportedScripts() {
    }

    /**
     * The security upgrade job run in the foreground: waits for the apt/dpkg lock up to {@code lockWait}, switches
     * daily upgrades on, switches automatic reboots off, upgrades from security origins only. Its log stays on the
     * server (/var/log/upkeep); it prints the packages it upgraded ("name version" lines) and exits with
     * unattended-upgrade's status.
     */
    public static String securityUpgrade(Duration lockWait) {
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        return "#!/bin/sh\n# Written by `upkeep export ansible`: Upkeep's security upgrade job, run in the foreground.\n"
                + "RUN_ID=ansible-$(date -u +%Y%m%dT%H%M%SZ)-$$\nLOCK_WAIT=" + lockWait.toSeconds() + "\nREPAIR=0\n"
                + SecurityUpgradeScripts.common() + SecurityUpgradeScripts.locks()
                + "mkdir -p \"$STATE\" \"$LOGDIR\" || exit 1\n"
                // The job ends with exit (its log gets everything); a subshell keeps this script alive to report.
                + "(\n" + SecurityUpgradeScripts.job() + ")\nrc=$?\n"
                + "cat \"$UPGRADED\" 2>/dev/null\necho \"upkeep: log $LOG, exit $rc\" >&2\nexit $rc\n";
    }
}
