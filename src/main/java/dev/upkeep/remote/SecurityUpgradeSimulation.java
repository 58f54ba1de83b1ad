package dev.upkeep.remote;

import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener.Stream;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-flight of a security upgrade: refreshes the package lists and asks {@code apt-get -s upgrade} what
 * would change. The result's {@code upgraded} lists the security packages ("name version") that would be
 * upgraded; its message also counts the other updates, which a security run leaves alone. Changes nothing else.
 */
public final class SecurityUpgradeSimulation implements Procedure {
    private final Duration lockWait;

    public SecurityUpgradeSimulation(Duration lockWait) {
        this.lockWait = lockWait;
    }

    @Override
    public String name() {
        return "security upgrade simulation";
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.UPDATING_LISTS, "apt-get update, then apt-get -s upgrade");
        List<String> inst = new ArrayList<>();
        List<String> audit = new ArrayList<>();
        CommandResult r = Privileged.run(ctx, SecurityUpgradeScripts.simulate(lockWait), (stream, line) -> {
            if (line.startsWith("Inst ")) {
                inst.add(line);
            } else if (line.startsWith("@@upkeep-audit ")) {
                audit.add(line.substring("@@upkeep-audit ".length()));
            } else if (!line.startsWith("@@upkeep")) {
                ctx.line(stream, line);
            }
        });
        if (!r.succeeded()) {
            return ProcedureResult.failed("simulation failed (exit " + r.exitStatus() + ")");
        }
        PendingUpdates pending = PendingUpdates.parse(inst);
        for (String p : pending.securityPackages()) {
            ctx.line(Stream.STDOUT, "would upgrade (security): " + p);
        }
        String message = pending.security() + " security update(s) would be applied; " + pending.other()
                + " other update(s) left alone" + (audit.isEmpty() ? "" : "; dpkg was interrupted: " + audit.get(0));
        return new ProcedureResult(true, message, pending.securityPackages(), false, List.of());
    }
}
