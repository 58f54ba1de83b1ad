package dev.upkeep.ssh.kex;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.digest.SHA256;
import net.schmizz.sshj.transport.digest.SHA512;
import net.schmizz.sshj.transport.kex.KeyExchange;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The hybrid post-quantum key exchanges as sshj factories, in OpenSSH 10's order of preference, and which
 * key exchange names are post-quantum at all (what OpenSSH 10.1 warns about when missing).
 */
public final class PostQuantumKex {
    public static final String MLKEM768X25519 = "mlkem768x25519-sha256";
    public static final String SNTRUP761X25519 = "sntrup761x25519-sha512";
    public static final String SNTRUP761X25519_OPENSSH = "sntrup761x25519-sha512@openssh.com";

    /** Every post-quantum key exchange OpenSSH knows, including ones Upkeep does not implement. */
    private static final Set<String> POST_QUANTUM = Set.of(MLKEM768X25519, SNTRUP761X25519, SNTRUP761X25519_OPENSSH,
            "mlkem768nistp256-sha256", "mlkem1024nistp384-sha384");

    private PostQuantumKex() {
    }

    /** mlkem768x25519-sha256, then sntrup761x25519-sha512 under both its names. */
    public static List<Factory.Named<KeyExchange>> factories() {
        return List.of(
                factory(MLKEM768X25519, () -> new HybridKex(MLKEM768X25519, new MlKem768(), SHA256::new)),
                factory(SNTRUP761X25519, () -> new HybridKex(SNTRUP761X25519, new Sntrup761(), SHA512::new)),
                factory(SNTRUP761X25519_OPENSSH,
                        () -> new HybridKex(SNTRUP761X25519_OPENSSH, new Sntrup761(), SHA512::new)));
    }

    /** Which code computes sntrup761: "upkeep" (its own), or "bouncycastle" when -Dupkeep.kex.sntrup761 asks. */
    public static String sntrup761Implementation() {
        return Sntrup761.implementation();
    }

    public static boolean isPostQuantum(String kexName) {
        return kexName != null && POST_QUANTUM.contains(kexName);
    }

    private static Factory.Named<KeyExchange> factory(String name, Supplier<KeyExchange> create) {
        return new Factory.Named<>() {
            @Override
            public KeyExchange create() {
                return create.get();
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
