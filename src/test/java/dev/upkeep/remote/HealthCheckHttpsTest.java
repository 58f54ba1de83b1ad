package dev.upkeep.remote;

import dev.upkeep.fleet.RebootPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTPS health check against TLS servers on 127.0.0.1 with an EC certificate (ECDSA signature, ECDHE key
 * exchange): the part of the JDK a jlinked runtime can lose (jdk.crypto.ec). Also run inside the packaged runtime
 * by scripts/package-smoke.sh.
 */
class HealthCheckHttpsTest {
    @TempDir
    static Path dir;
    private static SSLContext defaultBefore;
    private static final List<AutoCloseable> servers = new ArrayList<>();
    private static int trustedPort;
    private static int untrustedPort;
    private static int silentPort;

    @BeforeAll
    static void start() throws Exception {
        KeyStore trusted = keyStore("trusted");
        KeyStore stranger = keyStore("stranger");
        trustedPort = serve(trusted);
        untrustedPort = serve(stranger);
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        servers.add(silent);
        silentPort = silent.getLocalPort();
        // The health check uses the JVM's default trust; make that trust exactly the "trusted" certificate.
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", trusted.getCertificate("trusted"));
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        defaultBefore = SSLContext.getDefault();
        SSLContext.setDefault(client);
    }

    @AfterAll
    static void stop() throws Exception {
        if (defaultBefore != null) {
            SSLContext.setDefault(defaultBefore);
        }
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    @Test
    void httpsHealthCheckCompletesTheTlsHandshakeAndReadsTheStatus() {
        HealthCheckRunner.Outcome o = attempt("https://{host}:" + trustedPort + "/health", Duration.ofSeconds(10));
        assertThat(o.passed()).as(o.detail()).isTrue();
        assertThat(o.detail()).isEqualTo("GET https://127.0.0.1:" + trustedPort + "/health answered 200");
    }

    @Test
    void certificateNobodyTrustsFailsTheCheckNamingTheUrl() {
        HealthCheckRunner.Outcome o = attempt("https://{host}:" + untrustedPort + "/health", Duration.ofSeconds(10));
        assertThat(o.passed()).isFalse();
        assertThat(o.detail()).startsWith("GET https://127.0.0.1:" + untrustedPort + "/health failed: ");
    }

    @Test
    void serverThatNeverAnswersTheHandshakeTimesOut() {
        long start = System.nanoTime();
        HealthCheckRunner.Outcome o = attempt("https://{host}:" + silentPort + "/health", Duration.ofSeconds(2));
        assertThat(o.passed()).isFalse();
        assertThat(o.detail()).contains("https://127.0.0.1:" + silentPort + "/health");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("bounded by the limit, not hanging").isLessThan(15);
    }

    private static HealthCheckRunner.Outcome attempt(String url, Duration limit) {
        return new HealthCheckHttp(RebootPolicy.HealthCheck.url(url).withTimeoutSeconds((int) limit.toSeconds()), "127.0.0.1")
                .attempt(limit);
    }

    /** A PKCS12 key store with one EC P-256 key and a self-signed certificate for 127.0.0.1, made by keytool. */
    private static KeyStore keyStore(String alias) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    /** A TLS server that answers every request with 200 and closes; returns its port. */
    private static int serve(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    answer((SSLSocket) s);
                } catch (IOException e) {
                    // A client that gave up on the handshake (the untrusted case), or the server closing: next one.
                }
            }
        }, "https-health-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    private static void answer(SSLSocket s) throws IOException {
        InputStream in = s.getInputStream();
        // Read the request head (up to the blank line), then answer.
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }
}
