package dev.upkeep.remote;

import com.sun.net.httpserver.HttpServer;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP health check fetched from this computer, against a local server: retries until it passes or times out. */
class HealthCheckHttpTest {
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private final RebootTimer timer = new RebootTimer();

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/warming", exchange -> {
            exchange.sendResponseHeaders(requests.incrementAndGet() < 3 ? 503 : 200, -1);
            exchange.close();
        });
        http.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/warming");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
        timer.close();
    }

    private String url(String path) {
        return "http://{host}:" + http.getAddress().getPort() + path;
    }

    @Test
    void serviceStillStartingIsRetriedUntilItAnswersTheExpectedStatus() throws Exception {
        HealthCheckRunner.Outcome o = HealthCheckRunner.run(timer, context(), RebootPolicy.HealthCheck.url(url("/warming"))
                .withTimeoutSeconds(20), "127.0.0.1");
        assertThat(o.passed()).as(o.detail()).isTrue();
        assertThat(requests.get()).isEqualTo(3);
        assertThat(lines).filteredOn(l -> l.startsWith("health check not passed yet (GET http://127.0.0.1:")
                && l.endsWith("/warming answered 503 (expected 200)), retrying")).hasSize(2);
    }

    @Test
    void redirectIsNotFollowedSoTheStatusIsTheUrlsOwn() throws Exception {
        HealthCheckRunner.Outcome o = HealthCheckRunner.run(timer, context(),
                RebootPolicy.HealthCheck.url(url("/moved")).expecting(302).withTimeoutSeconds(5), "127.0.0.1");
        assertThat(o.passed()).as(o.detail()).isTrue();
        assertThat(requests.get()).isZero();
    }

    @Test
    void nothingListeningFailsAfterTheTimeoutWithTheReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HealthCheckRunner.Outcome o = HealthCheckRunner.run(timer, context(),
                RebootPolicy.HealthCheck.url("http://127.0.0.1:" + closed + "/health").withTimeoutSeconds(3), null);
        assertThat(o.passed()).isFalse();
        assertThat(o.detail()).startsWith("GET http://127.0.0.1:" + closed + "/health failed: ").contains("attempts in 3 s");
    }

    @Test
    void hostPlaceholderWithoutAHostIsRefused() {
        assertThatThrownBy(() -> new HealthCheckHttp(RebootPolicy.HealthCheck.url("https://{host}/health"), null))
                .hasMessageContaining("{host}");
        assertThat(new HealthCheckHttp(RebootPolicy.HealthCheck.url("https://{host}/health"), "::1").uri())
                .hasToString("https://[::1]/health");
    }

    private ProcedureContext context() {
        Cancellation cancel = new Cancellation();
        return new ProcedureContext() {
            @Override
            public SshConnection connection() {
                throw new AssertionError("an HTTP health check does not use the SSH connection");
            }

            @Override
            public String server() {
                return "web1";
            }

            @Override
            public boolean sudo() {
                return false;
            }

            @Override
            public SudoPassword sudoPassword() {
                return null;
            }

            @Override
            public void step(Step step, String detail) {
            }

            @Override
            public void line(OutputListener.Stream stream, String line) {
                lines.add(line);
            }

            @Override
            public Cancellation cancellation() {
                return cancel;
            }
        };
    }
}
