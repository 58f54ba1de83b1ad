package dev.upkeep.ssh;

import net.schmizz.sshj.connection.channel.OpenFailException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Turns what sshj and the socket layer throw while connecting into messages a person can act on. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /** The connect bound expired: say which phase stalled, since each points somewhere else. */
    static ConnectTimeoutException timedOut(String server, String where, Duration limit, ConnectWatch.Phase phase,
                                            Throwable cause) {
        String within = " within " + limit.toSeconds() + " s (connect timeout)";
        return switch (phase) {
            case CONNECTING -> new ConnectTimeoutException(server, "TCP connect", "no answer from " + where + within, cause);
            case BANNER -> new ConnectTimeoutException(server, "SSH banner", "no SSH banner from " + where + within
                    + ": the connection was made but nothing spoke SSH on it (a hung sshd, a middlebox that swallows"
                    + " the connection, or another service on that port)", cause);
            case KEY_EXCHANGE -> new ConnectTimeoutException(server, "key exchange", where + " sent its SSH banner but"
                    + " the key exchange did not finish" + within, cause);
            case AUTHENTICATION -> new ConnectTimeoutException(server, "authentication", "authentication on " + where
                    + " did not finish" + within, cause);
        };
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
