package dev.upkeep.remote;

import dev.upkeep.ssh.SshException;

/**
 * sudo did not run a privileged command: a wrong password, none given, or sudo refused or asked something else.
 * Messages name the account and never hold a password.
 */
public class SudoException extends SshException {
    public SudoException(String server, String message) {
        super(server, message);
    }
}
