package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandOutput;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

/**
 * Before a run: does sudo ask this server's login user for a password? {@code sudo -n true} never reads a
 * password: it succeeds when sudo would not ask, and says "a password is required" when it would. The login
 * user's name comes along, for messages ({@code admin@web1}).
 *
 * @param user   the login user as the server knows it; null when it could not tell
 * @param detail what sudo said when it was neither answer (not installed, not allowed…), else null
 */
public record SudoCheck(String user, Need need, String detail) {
    public enum Need { NO_PASSWORD, PASSWORD, UNKNOWN }

    static final String COMMAND = "id -un; env LC_ALL=C sudo -n true";

    public static SudoCheck run(SshConnection connection, Cancellation cancel) throws SshException {
        return parse(connection.run(COMMAND, cancel));
    }

    static SudoCheck parse(CommandOutput out) {
        String user = out.stdout().lines().findFirst().map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (out.result().succeeded()) {
            return new SudoCheck(user, Need.NO_PASSWORD, null);
        }
        if (out.stderr().contains("a password is required")) {
            return new SudoCheck(user, Need.PASSWORD, null);
        }
        String said = out.stderr().lines().reduce((a, b) -> b).orElse("exit " + out.result().exitStatus());
        return new SudoCheck(user, Need.UNKNOWN, said);
    }
}
