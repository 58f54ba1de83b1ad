package dev.upkeep.ssh.kex;

import net.schmizz.sshj.transport.NegotiatedAlgorithms;
import net.schmizz.sshj.transport.verification.AlgorithmsVerifier;

/**
 * Remembers what each key exchange of one connection negotiated (sshj asks its algorithm verifiers right after
 * the KEXINIT exchange, also on a re-key); it never refuses anything.
 */
public final class NegotiationRecorder implements AlgorithmsVerifier {
    private volatile Negotiated latest;

    @Override
    public boolean verify(NegotiatedAlgorithms a) {
        latest = new Negotiated(a.getKeyExchangeAlgorithm(), a.getSignatureAlgorithm(),
                a.getClient2ServerCipherAlgorithm(), a.getServer2ClientCipherAlgorithm(),
                a.getClient2ServerMACAlgorithm(), a.getServer2ClientMACAlgorithm());
        return true;
    }

    /** Null before the first KEXINIT exchange. */
    public Negotiated latest() {
        return latest;
    }
}
