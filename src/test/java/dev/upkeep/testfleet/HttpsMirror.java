package dev.upkeep.testfleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A file mirror over HTTPS on 127.0.0.1 (a free port) with its own certificate authority, made per mirror: what a
 * company's internal mirror with an internal CA looks like to a server. {@link #trustOn(TestServer)} makes a server
 * trust the CA the way an administrator would (the CA in /usr/local/share/ca-certificates and in the system bundle
 * curl reads). Paths can also redirect (e.g. to plain http) or answer slowly.
 * <pre>{@code
 * try (HttpsMirror mirror = HttpsMirror.start()) {
 *     mirror.trustOn(server);
 *     String url = mirror.publish("weave/v2.8.1/weave", bytes);      // https://127.0.0.1:P/weave/v2.8.1/weave
 *     mirror.redirect("old/weave", "http://127.0.0.1:Q/weave");      // 302 to plain http
 *     mirror.slow("weave/v2.8.1/weave", Duration.ofSeconds(10));     // the body after 10 s
 *     HttpsMirror.Hold hold = mirror.hold("weave/v2.8.1/weave");    // the body once the test says so
 * }
 * }</pre>
 */
public final class HttpsMirror implements AutoCloseable {
    private final HttpsServer server;
    private final X509Certificate ca;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "testfleet-https");
        thread.setDaemon(true);
        return thread;
    });

    private HttpsMirror() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair caKeys = ec.generateKeyPair();
        KeyPair serverKeys = ec.generateKeyPair();
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date to = Date.from(now.plus(Duration.ofDays(2)));
        X500Name caName = new X500Name("CN=Upkeep test mirror CA " + now.toEpochMilli());
        var caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = new JcaX509CertificateConverter().getCertificate(
                caBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        var leafBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to, new X500Name("CN=127.0.0.1"),
                serverKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(
                leafBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        char[] password = "test-only".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), password, new Certificate[]{leaf, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static HttpsMirror start() {
        try {
            return new HttpsMirror();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test HTTPS mirror", e);
        }
    }

    /** {@code https://127.0.0.1:PORT} without a trailing slash. */
    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code content} at {@code path} (no leading slash); returns its URL. */
    public String publish(String path, byte[] content) {
        files.put("/" + path, content.clone());
        return baseUrl() + "/" + path;
    }

    /** Answers {@code path} with a 302 to {@code location}; returns the path's URL. */
    public String redirect(String path, String location) {
        redirects.put("/" + path, location);
        return baseUrl() + "/" + path;
    }

    /** Sends {@code path}'s body only after {@code delay} (a slow or stuck mirror). */
    public void slow(String path, Duration delay) {
        delays.put("/" + path, delay);
    }

    /**
     * A download held open: the test learns that a request for the path came ({@link #awaitRequest}), then lets the
     * body go ({@link #release}); a hold never released lets go after a minute, so nothing waits forever.
     */
    public static final class Hold {
        private final CountDownLatch requested = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until a request for the path has arrived (at most a minute); false if none came. */
        public boolean awaitRequest() throws InterruptedException {
            return requested.await(1, TimeUnit.MINUTES);
        }

        public void release() {
            released.countDown();
        }
    }

    /** Holds {@code path}'s body until the returned hold is released (a download in progress, for as long as needed). */
    public Hold hold(String path) {
        Hold hold = new Hold();
        holds.put("/" + path, hold);
        return hold;
    }

    /** The CA certificate, PEM. */
    public String caPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the server trust this mirror's CA as an administrator would: the certificate in
     * /usr/local/share/ca-certificates, then update-ca-certificates where it is installed; the fleet's minimal
     * servers lack it, so the bundle it would write (/etc/ssl/certs/ca-certificates.crt, what curl reads) gets the CA,
     * and OpenSSL's default bundle (/usr/lib/ssl/cert.pem, what Python reads) points at it.
     */
    public void trustOn(TestServer target) {
        byte[] pem = caPem().getBytes(StandardCharsets.US_ASCII);
        target.run("mkdir -p /usr/local/share/ca-certificates /etc/ssl/certs");
        target.writeFile("/usr/local/share/ca-certificates/upkeep-test-mirror.crt", pem);
        if (target.call("command -v update-ca-certificates").exitCode() == 0) {
            target.run("update-ca-certificates");
        } else {
            target.run("cat /usr/local/share/ca-certificates/upkeep-test-mirror.crt >> /etc/ssl/certs/ca-certificates.crt");
        }
        // OpenSSL's default bundle (what Python, and so Ansible's get_url, reads): Debian's openssl package, which
        // ca-certificates depends on, links it to the same file; the fleet's minimal servers lack both.
        target.run("mkdir -p /usr/lib/ssl && { [ -e /usr/lib/ssl/cert.pem ] || ln -s /etc/ssl/certs/ca-certificates.crt /usr/lib/ssl/cert.pem; }");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String location = redirects.get(path);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = files.get(path);
            if (body == null || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Hold hold = holds.get(path);
            if (hold != null) {
                hold.requested.countDown();
                try {
                    hold.released.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis()); // the slow mirror this path stands for
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
