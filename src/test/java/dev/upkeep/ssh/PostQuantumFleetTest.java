package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upkeep.ssh.kex.Negotiated;
import dev.upkeep.ssh.kex.PostQuantumKex;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hybrid post-quantum key exchanges against real OpenSSH servers of the test fleet: Debian 13's sshd
 * (OpenSSH 10.0: ML-KEM and sntrup761) and Debian 12's (OpenSSH 9.2: sntrup761), each forced on the server side;
 * hundreds of handshakes (every one derives its keys from a fresh random K), and re-keying mid-stream.
 */
class PostQuantumFleetTest {
    private static TestFleet fleet;
    private static SshConnector connector;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_12, DebianRelease.DEBIAN_13);
        fleet = TestFleet.start(FleetOptions.servers(2).release(DebianRelease.DEBIAN_13, 1));
        connector = new SshConnector(new SshOptions(fleet.tempDir().resolve("no-ssh-config"), fleet.knownHosts(),
                Duration.ofSeconds(20), Duration.ZERO, 3, null), PassphraseProvider.NONE);
    }

    @AfterAll
    static void stopFleet() {
        if (connector != null) {
            connector.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void standardSshd() {
        for (TestServer server : fleet.servers()) {
            server.sshdOptions();
        }
    }

    private static TestServer bookworm() {
        return fleet.server(0);
    }

    private static TestServer trixie() {
        return fleet.server(1);
    }

    private static SshConnection connect(TestServer server) throws SshException {
        return connector.connect(new ConnectRequest(server.host(), server.port(), "root", fleet.clientKey()));
    }

    @Test
    void debian13NegotiatesMlKemByDefaultAndDebian12Sntrup761() throws Exception {
        assertThat(PostQuantumKex.sntrup761Implementation()).as("sntrup761 runs through Upkeep's own code")
                .isEqualTo("upkeep");
        try (SshConnection pq = connect(trixie()); SshConnection older = connect(bookworm())) {
            assertThat(pq.negotiated().kex()).isEqualTo("mlkem768x25519-sha256");
            assertThat(older.negotiated().kex()).isEqualTo("sntrup761x25519-sha512");
            assertThat(pq.negotiated().postQuantum()).isTrue();
            assertThat(older.negotiated().postQuantum()).isTrue();
        }
    }

    static Stream<Arguments> forcedOnTheServer() {
        return Stream.of(Arguments.of(DebianRelease.DEBIAN_13, "mlkem768x25519-sha256"),
                Arguments.of(DebianRelease.DEBIAN_13, "sntrup761x25519-sha512"),
                Arguments.of(DebianRelease.DEBIAN_13, "sntrup761x25519-sha512@openssh.com"),
                Arguments.of(DebianRelease.DEBIAN_12, "sntrup761x25519-sha512"),
                Arguments.of(DebianRelease.DEBIAN_12, "sntrup761x25519-sha512@openssh.com"));
    }

    private static TestServer on(DebianRelease release) {
        return release == DebianRelease.DEBIAN_13 ? trixie() : bookworm();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forcedOnTheServer")
    void eachHybridKeyExchangeWorksWhenTheServerOffersOnlyIt(DebianRelease release, String kex) throws Exception {
        TestServer server = on(release);
        server.sshdOptions("KexAlgorithms " + kex);

        try (SshConnection c = connect(server)) {
            assertThat(c.run("cat /etc/debian_version", Cancellation.none()).stdout())
                    .startsWith(server.release() == DebianRelease.DEBIAN_13 ? "13." : "12.");
            assertThat(c.negotiated().kex()).isEqualTo(kex);
        }
    }

    /**
     * Half of all shared secrets have their top bit set (mpint and string encodings differ in length), one in 256
     * starts with a zero byte: a wrong encoding of K fails about every other handshake, so hundreds in a row
     * succeed only with the right one (StringSecretDigestTest covers every case deterministically).
     */
    @ParameterizedTest(name = "{0}: {1} x{2}")
    @MethodSource("manyHandshakes")
    void hundredsOfHandshakesInARowAllDeriveTheServersKeys(DebianRelease release, String kex, int handshakes)
            throws Exception {
        assertThat(PostQuantumKex.sntrup761Implementation()).isEqualTo("upkeep");
        TestServer server = on(release);
        server.sshdOptions("KexAlgorithms " + kex);
        for (int i = 0; i < handshakes; i++) {
            try (SshConnection c = connect(server)) {
                assertThat(c.run("echo " + i, Cancellation.none()).stdout()).as("handshake %d", i).isEqualTo("" + i);
                assertThat(c.negotiated().kex()).isEqualTo(kex);
            }
        }
    }

    static Stream<Arguments> manyHandshakes() {
        return Stream.of(Arguments.of(DebianRelease.DEBIAN_13, "mlkem768x25519-sha256", 256),
                Arguments.of(DebianRelease.DEBIAN_12, "sntrup761x25519-sha512", 128));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forcedOnTheServer")
    void reKeyingWithTheHybridKeyExchangeKeepsTheStreamIntact(DebianRelease release, String kex) throws Exception {
        TestServer server = on(release);
        server.sshdOptions("KexAlgorithms " + kex, "RekeyLimit 1M", "LogLevel DEBUG1");
        int before = count(server.sshdLog(), "kex: algorithm: " + kex);
        AtomicLong lines = new AtomicLong();
        StringBuilder last = new StringBuilder();

        try (SshConnection c = connect(server)) {
            CommandResult r = c.exec("seq 1 600000", (stream, line) -> {
                if (stream == OutputListener.Stream.STDOUT) { // sshd at DEBUG1 also sends its debug lines on stderr
                    lines.incrementAndGet();
                    last.setLength(0);
                    last.append(line);
                }
            }, Cancellation.none());
            assertThat(r.exitStatus()).isZero();
            Negotiated n = c.negotiated();
            assertThat(n.kex()).isEqualTo(kex);
        }

        assertThat(lines.get()).isEqualTo(600000);
        assertThat(last.toString()).isEqualTo("600000");
        // 4.5 MB at a 1 MB limit: the first key exchange and at least three re-keys, all with this algorithm.
        assertThat(count(server.sshdLog(), "kex: algorithm: " + kex) - before).isGreaterThanOrEqualTo(4);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
