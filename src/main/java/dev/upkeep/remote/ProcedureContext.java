package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

/** What a remote procedure gets from the run: the server's connection, its privilege, and where to report. */
public interface ProcedureContext {
    SshConnection connection();

    /** The server's name, for messages. */
    String server();

    /** True when privileged commands need sudo (the login user is not root). */
    boolean sudo();

    /** Where this server's sudo password comes from when sudo asks for one (memory only); null when nowhere. */
    SudoPassword sudoPassword();

    void step(Step step, String detail);

    /** A line of the server's output (or of Upkeep's own narration, on STDOUT) for the live log and the on-disk log. */
    void line(OutputListener.Stream stream, String line);

    /** Fires when the run stops waiting: end now (a detached job goes on on the server; a reboot is left unverified). */
    Cancellation cancellation();

    /**
     * Fires when the run is cancelled: reach a safe point and stop. dpkg is never cut off, and a reboot already issued
     * is still waited for and verified. {@link #cancellation()} fires too when the user also stops waiting. Contexts
     * that do not tell the two apart answer {@link #cancellation()}.
     */
    default Cancellation stopRequest() {
        return cancellation();
    }

    /** The run's id, which names the jobs it starts on servers; null outside a run (then procedures make one). */
    default String runId() {
        return null;
    }

    /**
     * Drops the current connection (it is gone: the server rebooted, the network dropped it) and opens a fresh one,
     * with the same host-key checks. Throws when the server cannot be reached now; callers retry with backoff.
     */
    default SshConnection reconnect() throws SshException {
        throw new UnsupportedOperationException("this context cannot reconnect");
    }
}
