package dev.upkeep.ssh.kex;

/** The five algorithm options of ssh_config that Upkeep honours, with OpenSSH's keyword for each. */
public enum AlgorithmKind {
    KEX("KexAlgorithms", "key exchange algorithm"),
    CIPHER("Ciphers", "cipher"),
    MAC("MACs", "MAC"),
    HOST_KEY("HostKeyAlgorithms", "host key algorithm"),
    PUBKEY("PubkeyAcceptedAlgorithms", "public key signature algorithm");

    private final String keyword;
    private final String noun;

    AlgorithmKind(String keyword, String noun) {
        this.keyword = keyword;
        this.noun = noun;
    }

    /** As written in ssh_config, e.g. {@code KexAlgorithms}. */
    public String keyword() {
        return keyword;
    }

    /** For messages: "key exchange algorithm", "cipher", … */
    public String noun() {
        return noun;
    }
}
