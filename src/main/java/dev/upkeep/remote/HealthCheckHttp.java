package dev.upkeep.remote;

import dev.upkeep.fleet.RebootPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An HTTP(S) health check fetched from this computer (the way users and load balancers see the server), not from
 * the server itself. Certificates are checked with the JVM's trust store; redirects are not followed, so the
 * expected status is the one the URL itself answers.
 */
final class HealthCheckHttp {
    private static final Duration MAX_REQUEST = Duration.ofSeconds(10);

    private final RebootPolicy.HealthCheck check;
    private final URI uri;
    private final HttpClient client;

    HealthCheckHttp(RebootPolicy.HealthCheck check, String host) {
        this.check = check;
        String url = check.url();
        if (url.contains("{host}")) {
            if (host == null) {
                throw new IllegalArgumentException("the health check URL uses {host} but the server's host is unknown");
            }
            url = url.replace("{host}", host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        }
        this.uri = URI.create(url);
        Duration connect = Duration.ofSeconds(Math.min(MAX_REQUEST.toSeconds(), check.timeoutSeconds()));
        this.client = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI uri() {
        return uri;
    }

    HealthCheckRunner.Outcome attempt(Duration limit) {
        Duration timeout = limit.compareTo(MAX_REQUEST) < 0 ? limit : MAX_REQUEST;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "Upkeep health check").build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() == check.expectStatus();
            return new HealthCheckRunner.Outcome(ok, "GET " + uri + " answered " + response.statusCode()
                    + (ok ? "" : " (expected " + check.expectStatus() + ")"));
        } catch (HttpTimeoutException e) {
            return new HealthCheckRunner.Outcome(false, "GET " + uri + " timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new HealthCheckRunner.Outcome(false, "GET " + uri + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthCheckRunner.Outcome(false, "GET " + uri + " interrupted");
        }
    }
}
