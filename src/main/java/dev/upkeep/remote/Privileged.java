package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandLimits;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs a script as root: directly when the login user is root, else under sudo. The script travels on standard
 * input, so it is never part of a command line and needs no quoting. Under sudo, the password reaches sudo's own
 * prompt and nothing else (see {@link SudoDialogue}); a wrong one is tried again only with an answer this server
 * has not rejected yet, so one run makes at most two failed attempts per server.
 */
public final class Privileged {
    /** sudo asks or starts within this, or the command is ended (a PAM module asking something else). */
    static final Duration SUDO_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ROUNDS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Privileged() {
    }

    public static CommandResult run(ProcedureContext ctx, String script, OutputListener listener) throws SshException {
        return run(ctx, script, listener, ctx.cancellation(), SUDO_TIMEOUT);
    }

    /** As {@link #run(ProcedureContext, String, OutputListener)}, ended by {@code cancel} instead of the context's. */
    public static CommandResult run(ProcedureContext ctx, String script, OutputListener listener, Cancellation cancel)
            throws SshException {
        return run(ctx, script, listener, cancel, SUDO_TIMEOUT);
    }

    static CommandResult run(ProcedureContext ctx, String script, OutputListener listener, Duration sudoTimeout)
            throws SshException {
        return run(ctx, script, listener, ctx.cancellation(), sudoTimeout);
    }

    /** As {@link #run(ProcedureContext, String, OutputListener)}, within the given limits (output that is parsed). */
    public static CommandResult run(ProcedureContext ctx, String script, CommandLimits limits, OutputListener listener)
            throws SshException {
        return run(ctx, script, limits, listener, ctx.cancellation(), SUDO_TIMEOUT);
    }

    private static CommandResult run(ProcedureContext ctx, String script, OutputListener listener, Cancellation cancel,
                                     Duration sudoTimeout) throws SshException {
        return run(ctx, script, CommandLimits.streaming(), listener, cancel, sudoTimeout);
    }

    private static CommandResult run(ProcedureContext ctx, String script, CommandLimits limits, OutputListener listener,
                                     Cancellation cancel, Duration sudoTimeout) throws SshException {
        if (!ctx.sudo()) {
            return ctx.connection().exec("sh -s", script.getBytes(StandardCharsets.UTF_8), limits, listener, cancel);
        }
        SudoPassword password = ctx.sudoPassword();
        String account = password == null ? ctx.server() : password.account();
        if (password != null && password.exhausted()) {
            throw new SudoPasswordRejected(ctx.server(), account);
        }
        boolean rejected = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            SudoDialogue dialogue = new SudoDialogue(token("prompt"), token("ok"), script, password, sudoTimeout);
            CommandResult result = null;
            SshException failure = null;
            try {
                result = ctx.connection().execWithDialogue(dialogue.command(), dialogue, limits, listener, cancel);
            } catch (CommandCancelledException e) {
                throw e;
            } catch (SshException e) {
                failure = e;
            } finally {
                dialogue.finished();
            }
            switch (dialogue.outcome()) {
                case STARTED -> {
                    if (failure != null) {
                        throw failure;
                    }
                    return result;
                }
                case REJECTED -> rejected = true;
                case NO_PASSWORD -> throw rejected ? new SudoPasswordRejected(ctx.server(), account)
                        : new SudoException(ctx.server(), "sudo: a password is required for " + account
                        + " and none was given");
                case UNUSABLE_PASSWORD -> throw new SudoException(ctx.server(), "sudo: the password given for "
                        + account + " holds a line break or NUL, which sudo cannot read");
                case TIMED_OUT -> throw new SudoException(ctx.server(), "sudo did not start the command within "
                        + sudoTimeout.toSeconds() + " s for " + account + " (does it ask something other than"
                        + " the password, e.g. a PAM module's own prompt?)");
                case NONE -> {
                    if (failure != null) {
                        throw failure;
                    }
                    throw new SudoException(ctx.server(), "sudo did not run the command for " + account
                            + said(dialogue.sudoSaid()) + " (exit " + result.exitStatus() + ")");
                }
            }
        }
        throw new SudoPasswordRejected(ctx.server(), account);
    }

    private static String said(List<String> lines) {
        return lines.isEmpty() ? "" : ": " + String.join(" / ", lines);
    }

    /** A word nobody can guess or have printed before: sudo's prompt or the marker of one command. */
    private static String token(String kind) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "upkeep-sudo-" + kind + "-" + HexFormat.of().formatHex(bytes);
    }
}
