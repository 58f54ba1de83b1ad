package dev.upkeep.fleet;

import java.util.Objects;

/**
 * How the servers of one application are rebooted and verified (the workspace's {@code reboot:} under an
 * application). Every part is optional in the file; {@link #DEFAULTS} is what an application without it gets.
 *
 * @param timeoutSeconds          from issuing the reboot until the server answers SSH again with a new boot id
 * @param postRebootDelaySeconds  wait after it is back, before the health check (services still starting)
 * @param healthCheck             null = none (back with a new boot id is enough)
 * @param drain                   shell command run on the server as the login user before the reboot, or null
 * @param undrain                 shell command run on the server as the login user after a passed health check, or null
 */
public record RebootPolicy(int timeoutSeconds, int postRebootDelaySeconds, HealthCheck healthCheck, String drain,
                           String undrain) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 600;
    public static final RebootPolicy DEFAULTS = new RebootPolicy(DEFAULT_TIMEOUT_SECONDS, 0, null, null, null);

    public RebootPolicy {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("reboot timeout must be at least 1 s");
        }
        if (postRebootDelaySeconds < 0) {
            throw new IllegalArgumentException("post-reboot delay must not be negative");
        }
    }

    public RebootPolicy withTimeoutSeconds(int seconds) {
        return new RebootPolicy(seconds, postRebootDelaySeconds, healthCheck, drain, undrain);
    }

    public RebootPolicy withPostRebootDelaySeconds(int seconds) {
        return new RebootPolicy(timeoutSeconds, seconds, healthCheck, drain, undrain);
    }

    public RebootPolicy withHealthCheck(HealthCheck check) {
        return new RebootPolicy(timeoutSeconds, postRebootDelaySeconds, check, drain, undrain);
    }

    public RebootPolicy withDrain(String drainCommand, String undrainCommand) {
        return new RebootPolicy(timeoutSeconds, postRebootDelaySeconds, healthCheck, drainCommand, undrainCommand);
    }

    /**
     * Exactly one of {@code command} (run on the server as the login user; exit 0 = healthy) and {@code url}
     * (fetched from the desktop; {@code {host}} is replaced by the server's host) is set. Retried until
     * {@code timeoutSeconds}.
     */
    public record HealthCheck(String command, String url, int expectStatus, int timeoutSeconds) {
        public static final int DEFAULT_STATUS = 200;
        public static final int DEFAULT_TIMEOUT_SECONDS = 30;

        public HealthCheck {
            if ((command == null) == (url == null)) {
                throw new IllegalArgumentException("a health check has either a command or a url");
            }
            if (expectStatus < 100 || expectStatus > 599) {
                throw new IllegalArgumentException("status must be 100-599");
            }
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("health check timeout must be at least 1 s");
            }
        }

        public static HealthCheck command(String command) {
            return new HealthCheck(Objects.requireNonNull(command), null, DEFAULT_STATUS, DEFAULT_TIMEOUT_SECONDS);
        }

        public static HealthCheck url(String url) {
            return new HealthCheck(null, Objects.requireNonNull(url), DEFAULT_STATUS, DEFAULT_TIMEOUT_SECONDS);
        }

        public HealthCheck expecting(int status) {
            return new HealthCheck(command, url, status, timeoutSeconds);
        }

        public HealthCheck withTimeoutSeconds(int seconds) {
            return new HealthCheck(command, url, expectStatus, seconds);
        }

        /** What the log and the confirmation dialog show. */
        public String describe() {
            return command != null ? "command `" + command + "`" : "GET " + url + " expecting " + expectStatus;
        }
    }
}
