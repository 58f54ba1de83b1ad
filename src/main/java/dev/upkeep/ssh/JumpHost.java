package dev.upkeep.ssh;

/**
 * One hop of a ProxyJump chain: {@code [user@]host[:port]}, {@code [v6addr]:port} or {@code ssh://user@host:port}.
 * User and port are null when the hop doesn't name them (the hop's own config or the defaults then apply).
 */
public record JumpHost(String user, String host, Integer port) {

    public static JumpHost parse(String spec) {
        String s = spec.strip();
        if (s.startsWith("ssh://")) {
            s = s.substring("ssh://".length());
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        String host = s;
        Integer port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad jump host '" + spec + "'");
            }
            host = s.substring(1, close);
            if (s.length() > close + 1 && s.charAt(close + 1) == ':') {
                port = parsePort(s.substring(close + 2), spec);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1), spec);
        }
        if (host.isEmpty() || (user != null && user.isEmpty())) {
            throw new IllegalArgumentException("bad jump host '" + spec + "'");
        }
        return new JumpHost(user, host, port);
    }

    private static int parsePort(String p, String spec) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in jump host '" + spec + "'");
        }
    }

    /** As OpenSSH prints it in {@code ssh -G}: {@code user@host:port}. */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (user != null ? user + "@" : "") + h + (port != null ? ":" + port : "");
    }
}
