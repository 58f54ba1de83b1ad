package dev.upkeep.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.upkeep.fleet.OsInfo;
import dev.upkeep.fleet.OsSupport;
import dev.upkeep.fleet.ServerStatus;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
               Boolean kexPostQuantum, String osId, String osVersion, String osCodename, Support support,
               Boolean esmEnabled, String installedKernel, Boolean kernelUpdatePending, Integer phasedUpdates) {
    }

    /**
     * Where the release stands: {@code state} standard, extended (LTS/ESM only), ended or unknown, with the dates
     * from Upkeep's table (null when unknown).
     */
    record Support(String state, String release, String standardUntil, String extendedUntil, String extended) {
        static Support of(OsSupport s) {
            return new Support(s.state().name().toLowerCase(Locale.ROOT), s.release(),
                    s.standardUntil() == null ? null : s.standardUntil().toString(),
                    s.extendedUntil() == null ? null : s.extendedUntil().toString(), s.extendedName());
        }
    }

    static Row row(ServerStatus s) {
        if (!s.reachable()) {
            return new Row(s.application(), s.server(), false, s.error(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        OsInfo os = s.osInfo();
        return new Row(s.application(), s.server(), s.reachable(), s.error(), s.os(), s.kernel(), s.bootId(),
                s.uptimeSeconds(), s.rebootRequired(), s.rebootPackages(), iso(s.rebootRequiredSince()),
                s.securityUpdates(), s.otherUpdates(), iso(s.packageListsUpdated()), s.unattendedUpgrades(),
                s.dockerVersion(), s.weaveVersion(), s.kex() == null ? null : s.kex().algorithm(),
                s.kex() == null ? null : s.kex().postQuantum(),
                os == null ? null : os.id(), os == null ? null : os.version(), os == null ? null : os.codename(),
                Support.of(s.support()), os == null ? null : os.esmEnabled(), s.installedKernel(),
                s.installedKernel() == null || s.kernel() == null ? null : s.kernelUpdatePending(), s.phasedUpdates());
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
