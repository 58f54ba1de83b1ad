package dev.upkeep.ssh;

import java.util.List;

/** The server refused every credential we offered; {@link #tried()} lists them (agent keys, key files). */
public class AuthFailedException extends SshException {
    private final String user;
    private final List<String> tried;

    public AuthFailedException(String server, String user, List<String> tried, Throwable cause) {
        super(server, "authentication as '" + user + "' failed; tried "
                + (tried.isEmpty() ? "no keys at all (no agent keys, no identity files found)" : String.join(", ", tried)),
                cause);
        this.user = user;
        this.tried = List.copyOf(tried);
    }

    public String user() {
        return user;
    }

    public List<String> tried() {
        return tried;
    }
}
