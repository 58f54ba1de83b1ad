package dev.upkeep.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import net.schmizz.sshj.connection.channel.OpenFailException;

/** Turns what sshj and the socket layer throw while connecting into messages a person can act on. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static SshException translate(String server, String host, int port, Duration timeout, IOException e,
                                  KnownHostsVerifier verifier, String via) {
        if (verifier != null && verifier.failure() != null) {
            return verifier.failure();
        }
        if (e instanceof SshException ours) {
            return ours;
        }
        String where = host + ":" + port + (via == null ? "" : " via " + via);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new UnreachableException(server, "cannot resolve host name '" + host + "'", e);
            }
            if (t instanceof ConnectException) {
                return new UnreachableException(server, "connection refused by " + where
                        + " (is sshd running and the port right?)", e);
            }
            if (t instanceof SocketTimeoutException) {
                return new UnreachableException(server, "no answer from " + where + " within "
                        + timeout.toSeconds() + " s", e);
            }
            if (t instanceof NoRouteToHostException) {
                return new UnreachableException(server, "no route to " + where, e);
            }
            if (t instanceof OpenFailException ofe) {
                return new UnreachableException(server, "jump host " + via + " could not open a connection to "
                        + host + ":" + port + ": " + ofe.getMessage(), e);
            }
        }
        return new SshException(server, "SSH connection to " + where + " failed: " + e.getMessage(), e);
    }
}
