package dev.upkeep.ssh;

import java.io.IOException;
import java.util.Map;

/**
 * ~/.ssh/config's ProxyCommand, run as OpenSSH runs it: {@code /bin/sh -c "exec <command>"} with the tokens
 * {@code %h %p %r %n %%} expanded, SSH spoken over the command's standard input and output.
 */
final class ProxyCommand {
    private ProxyCommand() {
    }

    /** Expands the tokens OpenSSH allows in a ProxyCommand; any other token is refused, as ssh refuses it. */
    static String expand(String command, HostSettings target) {
        Map<Character, String> values = Map.of('h', target.hostName(), 'p', Integer.toString(target.port()),
                'r', target.user(), 'n', target.alias());
        StringBuilder out = new StringBuilder(command.length() + 32);
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 == command.length()) {
                throw new IllegalArgumentException("ProxyCommand '" + command + "' ends with a lone %");
            }
            char t = command.charAt(++i);
            if (t == '%') {
                out.append('%');
            } else if (values.containsKey(t)) {
                out.append(values.get(t));
            } else {
                throw new IllegalArgumentException("ProxyCommand '" + command + "' uses the token %" + t
                        + ", which ProxyCommand does not accept (only %%, %h, %n, %p and %r)");
            }
        }
        return out.toString();
    }

    /** Starts {@code expanded} (the result of {@link #expand}); the returned socket owns the process. */
    static ProxyCommandSocket start(String expanded, String server) throws IOException {
        Process process = new ProcessBuilder("/bin/sh", "-c", "exec " + expanded).start();
        return new ProxyCommandSocket(process, expanded, server);
    }
}
