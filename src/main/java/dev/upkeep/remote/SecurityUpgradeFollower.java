package dev.upkeep.remote;

import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.List;

/**
 * Follows a detached security-upgrade job's log until it ends. A dropped connection is retried (with a growing
 * pause) for a while and the follow resumes at the last line seen; a cancel stops following only, never the job.
 */
final class SecurityUpgradeFollower {
    private final ProcedureContext ctx;
    private final String jobId;
    private final Duration reconnectWindow;

    SecurityUpgradeFollower(ProcedureContext ctx, String jobId, Duration reconnectWindow) {
        this.ctx = ctx;
        this.jobId = jobId;
        this.reconnectWindow = reconnectWindow;
    }

    ProcedureResult follow() throws SshException {
        String log = "/var/log/upkeep/security-" + jobId + ".log";
        long seen = 0;
        FollowReconnect lost = new FollowReconnect(ctx, reconnectWindow, ctx.stopRequest());
        while (true) {
            SecurityUpgradeOutput out = new SecurityUpgradeOutput(ctx, true, seen);
            try {
                if (ctx.connection() == null) {
                    ctx.reconnect(); // the last reconnect failed: no connection to use
                }

                // A cancel stops following (the job is detached: dpkg goes on and is never cut off).
                CommandResult r = Privileged.run(ctx, SecurityUpgradeScripts.follow(jobId, seen), out, ctx.stopRequest());
                return result(out, r, log);
            } catch (CommandCancelledException e) {
                return ProcedureResult.cancelled("cancelled: stopped following; the upgrade continues on the server (log " + log + ")");
            } catch (SudoException e) {
                // Not a dropped connection: trying again would only repeat sudo's answer (or count failed attempts).
                return ProcedureResult.failed(e.getMessage() + "; the upgrade continues on the server (log " + log + ")");
            } catch (SshException e) {
                seen = out.linesSeen();
                if (ctx.stopRequest().isCancelled()) {
                    return ProcedureResult.cancelled("cancelled: stopped following; the upgrade continues on the server (log " + log + ")");
                }
                if (lost.lostTooLong()) {
                    return ProcedureResult.failed(lost.givingUp(e) + "; the upgrade continues on the server (log " + log + ")");
                }
                SecurityUpgrade.narrate(ctx, "connection lost (" + e.getMessage() + "); the upgrade continues on the server;"
                        + " reconnecting to follow it from line " + (seen + 1));
                lost.pauseThenReconnect();
            }
        }
    }

    private ProcedureResult result(SecurityUpgradeOutput out, CommandResult r, String log) {
        if (out.lost()) {
            return ProcedureResult.failed("the upgrade job ended without an exit status (killed, or the server rebooted);"
                    + " check dpkg with 'dpkg --audit' and the log " + log);
        }
        Integer exit = out.exitStatus();
        if (exit == null) {
            return ProcedureResult.failed("following the upgrade failed (exit " + r.exitStatus() + "); log " + log);
        }
        if (!out.audit().isEmpty()) {
            return SecurityUpgrade.interrupted(out.audit());
        }
        boolean ok = exit == 0;
        String message = switch (exit) {
            case 0 -> out.upgraded().isEmpty() ? "no security updates were pending" : "upgraded " + out.upgraded().size() + " package(s)";
            case 11 -> "the apt/dpkg lock stayed held; nothing was upgraded (see the log " + log + ")";
            case 13 -> "unattended-upgrades could not be installed (see the log " + log + ")";
            case 14 -> "dpkg --configure -a failed; repair dpkg by hand (see the log " + log + ")";
            default -> "unattended-upgrade failed with exit " + exit + " (see the log " + log + ")";
        };
        return new ProcedureResult(ok, message + restartNote(out.servicesToRestart()), out.upgraded(),
                out.rebootRequired(), out.rebootPackages());
    }

    /** needrestart's list, summarised: service names only as needrestart printed them, anything odd left out. */
    static String restartNote(List<String> services) {
        List<String> names = services.stream().filter(s -> s.matches("[A-Za-z0-9@._:-]{1,100}")).distinct().toList();
        if (names.isEmpty()) {
            return "";
        }
        int shown = Math.min(names.size(), 5);
        return "; needrestart: " + names.size() + " service(s) still to restart: " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? ", …" : "");
    }
}
