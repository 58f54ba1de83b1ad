package dev.upkeep.remote;

import dev.upkeep.ssh.SshException;

/**
 * One thing done on one server (security upgrade, Docker upgrade, Weave upgrade, reboot-and-verify): builds quoted
 * scripts, runs them through the context's connection, parses what comes back. Safe to run twice.
 * A procedure that could not do its work returns a failed result with a reason; an {@link SshException} means the
 * server could not be talked to at all.
 */
public interface Procedure {
    String name();

    ProcedureResult run(ProcedureContext context) throws SshException;
}
