package dev.upkeep.remote;

import dev.upkeep.ssh.CommandCancelledException;

/**
 * The run was cancelled while a server was rebooting: the reboot was issued and its return was not verified.
 * A cancelled result like any other, but the run can tell (and must tell the user) that this server is mid-reboot.
 */
public class RebootCancelledException extends CommandCancelledException {
    public RebootCancelledException(String server, String what) {
        super(server, what);
    }
}
