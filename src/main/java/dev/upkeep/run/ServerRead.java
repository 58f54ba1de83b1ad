package dev.upkeep.run;

import dev.upkeep.fleet.Server;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

/**
 * A read-only question for one server over its pooled connection (a package query, a patch history). It changes
 * nothing, so it may be asked again after a lost connection. A server whose answer makes no sense throws
 * {@link dev.upkeep.remote.ProbeException}.
 */
interface ServerRead<T> {
    /** For messages: "package query", "patch history". */
    String what();

    T read(SshConnection connection, Server server, Cancellation cancel) throws SshException;
}
