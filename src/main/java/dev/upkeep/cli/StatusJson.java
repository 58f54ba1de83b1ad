package dev.upkeep.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.upkeep.fleet.ServerStatus;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code status --json} contract: exactly these fields, nulls included, ISO-8601 instants. Unknown is null, never
 * false or 0: a server that could not be reached has only its names, {@code reachable: false} and {@code error}.
 */
final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private StatusJson() {
    }

    record Row(String application, String server, boolean reachable, String error, String os, String kernel,
               String bootId, Long uptimeSeconds, Boolean rebootRequired, List<String> rebootPackages,
               String rebootRequiredSince, Integer securityUpdates, Integer otherUpdates, String packageListsUpdated,
               Boolean unattendedUpgrades, String dockerVersion, String weaveVersion, String kex,
               Boolean kexPostQuantum) {
    }

    static Row row(ServerStatus s) {
        if (!s.reachable()) {
            return new Row(s.application(), s.server(), false, s.error(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }
        return new Row(s.application(), s.server(), s.reachable(), s.error(), s.os(), s.kernel(), s.bootId(),
                s.uptimeSeconds(), s.rebootRequired(), s.rebootPackages(), iso(s.rebootRequiredSince()),
                s.securityUpdates(), s.otherUpdates(), iso(s.packageListsUpdated()), s.unattendedUpgrades(),
                s.dockerVersion(), s.weaveVersion(), s.kex() == null ? null : s.kex().algorithm(),
                s.kex() == null ? null : s.kex().postQuantum());
    }

    static String format(List<ServerStatus> statuses) {
        try {
            return MAPPER.writeValueAsString(statuses.stream().map(StatusJson::row).toList()) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
