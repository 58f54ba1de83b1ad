package dev.upkeep.remote;

import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs a script as root: directly when the login user is root, else under sudo. The script travels on standard
 * input (after the sudo password, when there is one), so it is never part of a command line and needs no quoting.
 */
public final class Privileged {
    private Privileged() {
    }

    public static CommandResult run(ProcedureContext ctx, String script, OutputListener listener) throws SshException {
        return run(ctx, script, listener, ctx.cancellation());
    }

    /** As {@link #run(ProcedureContext, String, OutputListener)}, ended by {@code cancel} instead of the context's. */
    public static CommandResult run(ProcedureContext ctx, String script, OutputListener listener,
                                    dev.upkeep.ssh.Cancellation cancel) throws SshException {
        byte[] stdin = stdin(ctx.sudo() ? ctx.sudoPassword() : null, script);
        try {
            return ctx.connection().exec(command(ctx.sudo(), ctx.sudoPassword() != null), stdin, listener, cancel);
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
    }

    static String command(boolean sudo, boolean withPassword) {
        if (!sudo) return "sh -s";
        return withPassword ? "sudo -S -p '' -- sh -s" : "sudo -n -- sh -s";
    }

    static byte[] stdin(char[] password, String script) {
        byte[] body = script.getBytes(StandardCharsets.UTF_8);
        if (password == null) return body;
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] all = new byte[pw.remaining() + 1 + body.length];
        pw.get(all, 0, pw.remaining());
        all[all.length - body.length - 1] = '\n';
        System.arraycopy(body, 0, all, all.length - body.length, body.length);
        if (pw.hasArray()) Arrays.fill(pw.array(), (byte) 0);
        return all;
    }
}
