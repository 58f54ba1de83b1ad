package dev.upkeep.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** The workspace file's exact shape (its keys are a contract with other tools); converted to domain records at once. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkspaceDto(SettingsDto settings, List<ApplicationDto> applications) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"concurrency", "knownHosts", "sshConfig", "connectTimeoutSeconds", "weaveDownloadUrl",
            "weaveChecksums", "dockerTimeoutSeconds", "weaveTimeoutSeconds",
            "patchAgeWarnDays"})
    record SettingsDto(Integer concurrency, String knownHosts, String sshConfig, Integer connectTimeoutSeconds,
                       String weaveDownloadUrl, Map<String, String> weaveChecksums, Integer dockerTimeoutSeconds,
                       Integer weaveTimeoutSeconds, Integer patchAgeWarnDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "environment", "manifest", "failoverAddress", "reboot", "servers"})
    record ApplicationDto(String name, String environment, String manifest, String failoverAddress,
                          RebootDto reboot, List<ServerDto> servers) {
    }

    /** An application's {@code reboot:}; every key optional (defaults in {@link RebootPolicy}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"timeoutSeconds", "postRebootDelaySeconds", "healthCheck", "drain", "undrain"})
    record RebootDto(Integer timeoutSeconds, Integer postRebootDelaySeconds, HealthCheckDto healthCheck, String drain,
                     String undrain) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"command", "url", "expectStatus", "timeoutSeconds"})
    record HealthCheckDto(String command, String url, Integer expectStatus, Integer timeoutSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "host", "port", "user", "identityFile", "sudo", "groups"})
    record ServerDto(String name, String host, Integer port, String user, String identityFile, Boolean sudo,
                     List<String> groups) {
    }
}
