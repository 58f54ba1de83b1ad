package dev.upkeep.fleet;

/**
 * The rules the workspace file applies to a server's fields, for code that makes servers from elsewhere (an
 * inventory import) and must refuse what the workspace would refuse, before it is written.
 */
public final class ServerFields {
    private ServerFields() {
    }

    /** Letters, digits, '.', '_' and '-', at most 63, not starting with a punctuation mark (names reach file names). */
    public static boolean isName(String name) {
        return name != null && WorkspaceValidator.NAME.matcher(name).matches();
    }

    /** A host name, an IPv4/IPv6 address or an ssh_config alias; never something an option parser could take. */
    public static boolean isHost(String host) {
        return host != null && WorkspaceValidator.HOST.matcher(host).matches();
    }

    public static boolean isUser(String user) {
        return user != null && WorkspaceValidator.USER.matcher(user).matches();
    }

    public static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }
}
