package dev.upkeep.fleet;

/** The one sentence the table, the window and the docs use for a connection without post-quantum key exchange. */
public final class KexWarning {
    private KexWarning() {
    }

    /** Like OpenSSH 10.1's warning, for a server reached with {@code algorithm}. */
    public static String text(String algorithm) {
        return "key exchange " + algorithm + " is not post-quantum: this connection may be vulnerable to"
                + " \"store now, decrypt later\" attacks. The server may need an upgrade (OpenSSH 8.9 or later offers"
                + " one), or a KexAlgorithms line lets only older algorithms through.";
    }
}
