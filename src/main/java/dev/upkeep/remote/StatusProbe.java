package dev.upkeep.remote;

import dev.upkeep.fleet.OsInfo;
import dev.upkeep.fleet.ServerStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read-only status probe: one script per server, and the parser of what it prints. */
public final class StatusProbe {
    private static final String SCRIPT = Scripts.load("cache-dir.sh") + Scripts.load("status.sh");
    /** Part of the server-side cache's key: a changed probe never reads answers an older one saved. */
    private static final String ID = sha256(SCRIPT).substring(0, 16);
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?(?:-ce|-ee)?");
    private static final Pattern PERIODIC = Pattern.compile("\"([^\"]*)\"");

    private StatusProbe() {
    }

    /** The probe answering from its server-side cache when nothing it depends on changed. */
    public static String script() {
        return script(ProbeCache.USE);
    }

    public static String script(ProbeCache cache) {
        return variables(cache) + SCRIPT;
    }

    /** The lines that set the probe's id and cache mode, which the script expects before it. */
    static String variables(ProbeCache cache) {
        return "UPKEEP_PROBE_ID=" + ID + "\nUPKEEP_STATUS_CACHE=" + cache.word() + "\n";
    }

    static String body() {
        return SCRIPT;
    }

    /** Parses the probe's output; a missing header means the output is not from this probe (a broken shell, a banner…). */
    public static ServerStatus parse(String application, String server, String output, Instant checkedAt) {
        Sections sections = Sections.of("upkeep-status", output.lines().toList());
        if (!sections.header) {
            throw new ProbeException("the status probe printed nothing recognisable"
                    + (output.isBlank() ? "" : ": " + firstLine(output)));
        }
        Map<String, String> v = sections.values;
        List<String> rebootPackages = sections.lines("reboot_pkgs").stream().map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        Instant since = epoch(v.get("reboot_required_since"));
        // Output cut short (a killed probe, a dropped connection): what it did not get to is unknown, not "no".
        boolean complete = sections.has("end");
        boolean rebootKnown = since != null || v.containsKey("reboot_required_since") || v.containsKey("lists_updated");
        PendingUpdates pending = complete ? PendingUpdates.parse(sections.lines("apt")) : null;
        return new ServerStatus(application, server, true, null,
                unquote(v.get("os")),
                blankToNull(v.get("kernel")),
                blankToNull(v.get("installed_kernel")),
                blankToNull(v.get("boot_id")),
                uptime(v.get("uptime")),
                rebootKnown ? Boolean.valueOf(since != null || v.containsKey("reboot_required_since")) : null,
                rebootPackages,
                since,
                pending == null ? null : pending.security(),
                pending == null ? null : pending.other(),
                epoch(v.get("lists_updated")),
                v.containsKey("uu_periodic") ? unattendedUpgradesOn(v.get("uu_status"), v.get("uu_periodic")) : null,
                version(v.get("docker")),
                version(v.get("weave")),
                checkedAt, pending == null ? List.of() : pending.securityPackages(), null, null)
                .withOs(osInfo(v), pending == null ? null : pending.phased());
    }

    static OsInfo osInfo(Map<String, String> v) {
        String id = unquote(v.get("os_ID"));
        if (id == null && v.get("os_VERSION_ID") == null) {
            return null;
        }
        // ESM exists on Ubuntu only; an older probe output (no esm line) leaves it unknown.
        Boolean esm = !"ubuntu".equals(id) || !v.containsKey("esm_sources") ? null
                : !v.get("esm_sources").strip().equals("0") && !v.get("esm_sources").isBlank();
        return new OsInfo(id, unquote(v.get("os_VERSION_ID")), unquote(v.get("os_VERSION_CODENAME")), esm);
    }

    /** Lines {@code dpkg --audit} printed: non-empty means an interrupted or half-configured dpkg. */
    public static List<String> dpkgAudit(String output) {
        return Sections.of("upkeep-status", output.lines().toList()).lines("dpkg_audit").stream().filter(s -> !s.isBlank()).toList();
    }

    static boolean unattendedUpgradesOn(String status, String periodic) {
        if (status == null || !status.contains("install ok installed")) {
            return false;
        }
        if (periodic == null) {
            return false;
        }
        Matcher m = PERIODIC.matcher(periodic);
        if (!m.find()) {
            return false;
        }
        String value = m.group(1).strip();
        return !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    static String version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = VERSION.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Long uptime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return (long) Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant epoch(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return blankToNull(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
