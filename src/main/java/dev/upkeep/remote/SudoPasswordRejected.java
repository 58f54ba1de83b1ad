package dev.upkeep.remote;

/**
 * sudo on this server asked again after the password: it was wrong here (and so was the one asked again, if the
 * run asked again). Nothing more is tried on this server in this run, so a wrong password cannot lock the account.
 */
public final class SudoPasswordRejected extends SudoException {
    public SudoPasswordRejected(String server, String account) {
        super(server, "sudo: wrong password for " + account);
    }
}
