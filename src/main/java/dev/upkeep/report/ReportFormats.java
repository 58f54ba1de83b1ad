package dev.upkeep.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as CSV (RFC 4180, one row per server) and JSON (summary and rows, nulls kept, ISO-8601 instants). */
public final class ReportFormats {
    public static final List<String> CSV_COLUMNS = List.of("application", "server", "state", "reachable", "error", "os",
            "kernel_running", "kernel_installed", "reboot_required", "reboot_required_since", "reboot_packages",
            "security_updates", "security_packages", "last_security_upgrade", "last_security_upgrade_days_ago",
            "unattended_upgrades", "services_to_restart", "docker", "docker_expected", "docker_drift", "weave", "weave_expected",
            "weave_drift", "checked_at");

    private ReportFormats() {
    }

    public static String csv(FleetReport report) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ReportRow r : report.rows()) {
            List<Object> cells = List.of(r.application(), r.server(), r.state().label(), r.reachable(), nz(r.error()),
                    nz(r.os()), nz(r.kernelRunning()), nz(r.kernelInstalled()), nz(r.rebootRequired()),
                    nz(r.rebootRequiredSince()), String.join(" ", r.rebootPackages()), nz(r.securityUpdates()),
                    String.join(" ", r.securityPackages()), nz(r.lastSecurityUpgrade()), nz(r.lastSecurityUpgradeDaysAgo()),
                    nz(r.unattendedUpgrades()), r.servicesUnknownBecause() != null && r.reachable()
                            ? "unknown: " + r.servicesUnknownBecause() : String.join(" ", r.servicesToRestart()),
                    nz(r.dockerVersion()), nz(r.dockerExpected()), nz(r.dockerDrift()), nz(r.weaveVersion()),
                    nz(r.weaveExpected()), nz(r.weaveDrift()), nz(r.checkedAt()));
            List<String> fields = new ArrayList<>();
            for (Object c : cells) {
                fields.add(field(String.valueOf(c)));
            }
            out.append(String.join(",", fields)).append("\r\n");
        }
        return out.toString();
    }

    /** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. Also packages --csv. */
    public static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    public static String json(FleetReport report) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("generatedAt", report.generatedAt().toString());
        top.put("patchAgeWarnDays", report.warnDays());
        Map<String, Integer> states = new LinkedHashMap<>();
        report.byState().forEach((k, v) -> states.put(k.label(), v));
        top.put("serversByState", states);
        top.put("serversByPatchAge", report.byPatchAge());
        top.put("servers", report.rows().stream().map(ReportFormats::jsonRow).toList());
        try {
            return MAPPER.writeValueAsString(top) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private static Map<String, Object> jsonRow(ReportRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("application", r.application());
        m.put("server", r.server());
        m.put("state", r.state().label());
        m.put("reachable", r.reachable());
        m.put("error", r.error());
        m.put("os", r.os());
        m.put("kernelRunning", r.kernelRunning());
        m.put("kernelInstalled", r.kernelInstalled());
        m.put("rebootRequired", r.rebootRequired());
        m.put("rebootRequiredSince", iso(r.rebootRequiredSince()));
        m.put("rebootPackages", r.rebootPackages());
        m.put("securityUpdates", r.securityUpdates());
        m.put("securityPackages", r.securityPackages());
        m.put("lastSecurityUpgrade", iso(r.lastSecurityUpgrade()));
        m.put("lastSecurityUpgradeDaysAgo", r.lastSecurityUpgradeDaysAgo());
        m.put("unattendedUpgrades", r.unattendedUpgrades());
        m.put("servicesToRestart", r.reachable() && r.servicesUnknownBecause() != null ? null : r.servicesToRestart());
        m.put("servicesUnknownBecause", r.servicesUnknownBecause());
        m.put("dockerVersion", r.dockerVersion());
        m.put("dockerExpected", r.dockerExpected());
        m.put("dockerDrift", r.dockerDrift());
        m.put("weaveVersion", r.weaveVersion());
        m.put("weaveExpected", r.weaveExpected());
        m.put("weaveDrift", r.weaveDrift());
        m.put("checkedAt", iso(r.checkedAt()));
        return m;
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
