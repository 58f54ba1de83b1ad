package dev.upkeep.remote;

import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener.Stream;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies security updates with unattended-upgrades (PRODUCT.md §3), detached on the server so that a dropped
 * connection or a cancel never stops dpkg midway: start (or attach to) the job, follow its log, reconnecting and
 * resuming where it stopped when the connection drops, then report what was upgraded and whether a reboot is due.
 * Only security origins are allowed for this run (see docs/security-upgrades.md); other updates are left alone.
 */
public final class SecurityUpgrade implements Procedure {
    /** How long a dropped connection is retried before the run gives up following (the job goes on regardless). */
    static final Duration RECONNECT_WINDOW = Duration.ofMinutes(3);

    private static final Pattern AUDIT_PACKAGE = Pattern.compile("^ +([a-z0-9][a-z0-9+.:-]+)(?:\\s.*)?$");

    private final String runId;
    private final Duration lockWait;
    private final boolean repairDpkg;

    /**
     * @param runId      names the job and its files on the server (letters, digits, dashes); the same id twice
     *                   reports the first run instead of upgrading again
     * @param lockWait   how long to wait for another apt/dpkg to release its lock
     * @param repairDpkg run {@code dpkg --configure -a} first when dpkg was interrupted, instead of failing
     */
    public SecurityUpgrade(String runId, Duration lockWait, boolean repairDpkg) {
        if (runId == null || !SecurityUpgradeScripts.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        this.runId = runId;
        this.lockWait = lockWait;
        this.repairDpkg = repairDpkg;
    }

    @Override
    public String name() {
        return "security upgrades";
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        SecurityUpgradeOutput start = new SecurityUpgradeOutput(ctx, false, 0);
        CommandResult started;
        try {
            started = Privileged.run(ctx, SecurityUpgradeScripts.start(runId, lockWait, repairDpkg), start);
        } catch (CommandCancelledException e) {
            return ProcedureResult.cancelled("cancelled while starting; if the upgrade started it continues on the server"
                    + " (/var/log/upkeep/security-" + runId + ".log)");
        }
        if (start.dpkgInterrupted()) {
            return interrupted(start.audit());
        }
        if (!started.succeeded() || start.attach() == null) {
            return ProcedureResult.failed("could not start the upgrade (exit " + started.exitStatus() + ")");
        }
        return new SecurityUpgradeFollower(ctx, start.attach(), RECONNECT_WINDOW).follow();
    }

    static ProcedureResult interrupted(List<String> audit) {
        // dpkg --audit explains in prose, then lists the packages indented: "  name   description".
        List<String> packages = new ArrayList<>();
        for (String line : audit) {
            Matcher m = AUDIT_PACKAGE.matcher(line);
            if (m.matches()) {
                packages.add(m.group(1));
            }
        }
        String detail = !packages.isEmpty() ? "packages not fully installed: " + String.join(", ", packages)
                : audit.isEmpty() ? "dpkg --audit complains" : audit.get(0).strip();
        return ProcedureResult.failed("dpkg was interrupted (" + detail + "). Repair it with 'sudo dpkg --configure -a'"
                + " on the server, or run again with the repair option (upkeep upgrade --repair-dpkg)");
    }

    static void narrate(ProcedureContext ctx, String text) {
        ctx.line(Stream.STDOUT, "upkeep: " + text);
    }
}
