package dev.upkeep.fleet;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks an application's {@code reboot:} settings, naming the line of the culprit; fills in the defaults. */
final class RebootPolicyValidator {
    static final int MAX_TIMEOUT_SECONDS = 86_400;
    static final int MAX_DELAY_SECONDS = 3_600;
    static final int MAX_HEALTH_TIMEOUT_SECONDS = 3_600;

    /** Builds the exception for a problem at a YAML path (the workspace validator's, so lines are found the same way). */
    @FunctionalInterface
    interface Errors {
        WorkspaceException error(String problem, Object... path);
    }

    private final Errors errors;

    RebootPolicyValidator(Errors errors) {
        this.errors = errors;
    }

    RebootPolicy policy(WorkspaceDto.RebootDto r, int app) throws WorkspaceException {
        if (r == null) {
            return RebootPolicy.DEFAULTS;
        }
        int timeout = range(r.timeoutSeconds(), RebootPolicy.DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS,
                app, "timeoutSeconds");
        int delay = range(r.postRebootDelaySeconds(), 0, 0, MAX_DELAY_SECONDS, app, "postRebootDelaySeconds");
        String drain = command(r.drain(), app, "drain");
        String undrain = command(r.undrain(), app, "undrain");
        return new RebootPolicy(timeout, delay, healthCheck(r.healthCheck(), app), drain, undrain);
    }

    private RebootPolicy.HealthCheck healthCheck(WorkspaceDto.HealthCheckDto h, int app) throws WorkspaceException {
        if (h == null) {
            return null;
        }
        if (h.command() != null && h.url() != null) {
            throw errors.error("healthCheck: give a command or a url, not both", "applications", app, "reboot", "healthCheck", "url");
        }
        if (h.command() == null && h.url() == null) {
            throw errors.error("healthCheck needs a command (run on the server) or a url (fetched from here)",
                    "applications", app, "reboot", "healthCheck");
        }
        String command = command(h.command(), app, "healthCheck", "command");
        if (h.url() != null) {
            url(h.url(), app);
        }
        int status = range(h.expectStatus(), RebootPolicy.HealthCheck.DEFAULT_STATUS, 100, 599, app, "healthCheck", "expectStatus");
        int timeout = range(h.timeoutSeconds(), RebootPolicy.HealthCheck.DEFAULT_TIMEOUT_SECONDS, 1,
                MAX_HEALTH_TIMEOUT_SECONDS, app, "healthCheck", "timeoutSeconds");
        return new RebootPolicy.HealthCheck(command, h.url(), status, timeout);
    }

    /** http(s) with a host; {@code {host}} stands for the server's host and is checked as a plain name. */
    private void url(String url, int app) throws WorkspaceException {
        Object[] path = {"applications", app, "reboot", "healthCheck", "url"};
        URI uri;
        try {
            uri = new URI(url.replace("{host}", "server.example"));
        } catch (URISyntaxException e) {
            throw errors.error("healthCheck url '" + url + "' is not a URL: " + e.getReason(), path);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw errors.error("healthCheck url must start with http:// or https:// (got '" + url + "')", path);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw errors.error("healthCheck url '" + url + "' has no host", path);
        }
    }

    private String command(String command, int app, String... keys) throws WorkspaceException {
        if (command == null) {
            return null;
        }
        if (command.isBlank() || command.indexOf('\0') >= 0) {
            throw errors.error(String.join(".", keys) + " must be a non-empty shell command", path(app, keys));
        }
        return command;
    }

    private int range(Integer value, int fallback, int min, int max, int app, String... keys) throws WorkspaceException {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw errors.error(keys[keys.length - 1] + " must be between " + min + " and " + max, path(app, keys));
        }
        return value;
    }

    private static Object[] path(int app, String... keys) {
        Object[] path = new Object[3 + keys.length];
        path[0] = "applications";
        path[1] = app;
        path[2] = "reboot";
        System.arraycopy(keys, 0, path, 3, keys.length);
        return path;
    }
}
