package dev.upkeep.fleet;

import dev.upkeep.manifest.Versions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the file's DTOs into domain records, refusing what would be inconsistent, with the line of the culprit. */
final class WorkspaceValidator {
    /** Names end up in log file names and on command lines: keep them plain. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** A host name, an IPv4/IPv6 address or a ~/.ssh/config alias; never something an option parser could take. */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9_:\\[\\]][A-Za-z0-9._:%\\[\\]-]{0,252}");
    static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,31}");

    private final Path file;
    private final YamlLines lines;

    WorkspaceValidator(Path file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    Workspace toWorkspace(WorkspaceDto dto) throws WorkspaceException {
        Settings settings = settings(dto.settings());
        List<Application> apps = new ArrayList<>();
        Set<String> appNames = new HashSet<>();
        List<WorkspaceDto.ApplicationDto> dtos = dto.applications() == null ? List.of() : dto.applications();
        for (int i = 0; i < dtos.size(); i++) {
            WorkspaceDto.ApplicationDto a = dtos.get(i);
            if (a == null) {
                throw error("empty application entry", "applications", i);
            }
            requireName(a.name(), "application", "applications", i, "name");
            if (!appNames.add(a.name() + "\u0000" + a.environment())) {
                throw error("duplicate application '" + a.name() + "'" + (a.environment() == null ? "" : " in " + a.environment()),
                        "applications", i, "name");
            }
            apps.add(new Application(a.name(), a.environment(), a.manifest(), a.failoverAddress(), servers(a, i),
                    new RebootPolicyValidator(this::error).policy(a.reboot(), i)));
        }
        return new Workspace(file, settings, apps);
    }

    private Settings settings(WorkspaceDto.SettingsDto s) throws WorkspaceException {
        if (s == null) {
            return Settings.DEFAULTS;
        }
        Settings d = Settings.DEFAULTS;
        int concurrency = s.concurrency() == null ? d.concurrency() : s.concurrency();
        int timeout = s.connectTimeoutSeconds() == null ? d.connectTimeoutSeconds() : s.connectTimeoutSeconds();
        if (concurrency < 1 || concurrency > 1000) {
            throw error("concurrency must be between 1 and 1000", "settings", "concurrency");
        }
        if (timeout < 1 || timeout > 3600) {
            throw error("connectTimeoutSeconds must be between 1 and 3600", "settings", "connectTimeoutSeconds");
        }
        String weaveUrl = s.weaveDownloadUrl() == null ? d.weaveDownloadUrl() : s.weaveDownloadUrl();
        if (!Settings.isWeaveUrlTemplate(weaveUrl)) {
            throw error("weaveDownloadUrl must be an https URL of plain characters containing {version}, like "
                    + Settings.DEFAULT_WEAVE_DOWNLOAD_URL + (weaveUrl.startsWith("http://") ? " (plain http is refused:"
                    + " the script runs as root on every server)" : ""), "settings", "weaveDownloadUrl");
        }
        int docker = s.dockerTimeoutSeconds() == null ? d.dockerTimeoutSeconds() : s.dockerTimeoutSeconds();
        int weave = s.weaveTimeoutSeconds() == null ? d.weaveTimeoutSeconds() : s.weaveTimeoutSeconds();
        if (docker < 1 || docker > 86400) {
            throw error("dockerTimeoutSeconds must be between 1 and 86400", "settings", "dockerTimeoutSeconds");
        }
        if (weave < 1 || weave > 86400) {
            throw error("weaveTimeoutSeconds must be between 1 and 86400", "settings", "weaveTimeoutSeconds");
        }
        int warnDays = s.patchAgeWarnDays() == null ? d.patchAgeWarnDays() : s.patchAgeWarnDays();
        if (warnDays < 1 || warnDays > 3650) {
            throw error("patchAgeWarnDays must be between 1 and 3650", "settings", "patchAgeWarnDays");
        }
        Map<String, String> sums = s.weaveChecksums() == null ? Map.of() : s.weaveChecksums();
        for (var e : sums.entrySet()) {
            if (!Versions.isWeaveVersion(e.getKey())) {
                throw error("weaveChecksums: '" + e.getKey() + "' is not a Weave version like 2.8.1", "settings", "weaveChecksums");
            }
            if (!Settings.isChecksum(e.getValue())) {
                throw error("weaveChecksums." + e.getKey() + " must be sha256: and 64 hex digits (sha256sum of the script)",
                        "settings", "weaveChecksums", e.getKey());
            }
        }
        return new Settings(concurrency, s.knownHosts() == null ? d.knownHosts() : s.knownHosts(),
                s.sshConfig() == null ? d.sshConfig() : s.sshConfig(), timeout, weaveUrl, docker, weave, sums, warnDays);
    }

    private List<Server> servers(WorkspaceDto.ApplicationDto app, int ai) throws WorkspaceException {
        List<Server> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<WorkspaceDto.ServerDto> dtos = app.servers() == null ? List.of() : app.servers();
        for (int i = 0; i < dtos.size(); i++) {
            WorkspaceDto.ServerDto s = dtos.get(i);
            if (s == null) {
                throw error("empty server entry", "applications", ai, "servers", i);
            }
            requireName(s.name(), "server", "applications", ai, "servers", i, "name");
            if (!names.add(s.name())) {
                throw error("duplicate server name '" + s.name() + "' in application '" + app.name() + "'",
                        "applications", ai, "servers", i, "name");
            }
            if (s.host() == null || s.host().isBlank()) {
                throw error("server '" + s.name() + "' has no host", "applications", ai, "servers", i);
            }
            if (!HOST.matcher(s.host()).matches()) {
                throw error("server '" + s.name() + "': '" + s.host() + "' is not a host name, address or ssh alias",
                        "applications", ai, "servers", i, "host");
            }
            if (s.port() != null && (s.port() < 1 || s.port() > 65535)) {
                throw error("server '" + s.name() + "': port must be 1-65535", "applications", ai, "servers", i, "port");
            }
            if (s.user() != null && !USER.matcher(s.user()).matches()) {
                throw error("server '" + s.name() + "': '" + s.user() + "' is not a valid user name",
                        "applications", ai, "servers", i, "user");
            }
            result.add(new Server(s.name(), s.host(), s.port(), s.user(), s.identityFile(),
                    Boolean.TRUE.equals(s.sudo()), s.groups()));
        }
        return result;
    }

    private void requireName(String name, String what, Object... path) throws WorkspaceException {
        if (name == null || name.isBlank()) {
            throw error(what + " without a name", path);
        }
        if (!NAME.matcher(name).matches()) {
            throw error(what + " name '" + name + "' may only use letters, digits, '.', '_' and '-'", path);
        }
    }

    WorkspaceException error(String problem, Object... path) {
        return new WorkspaceException(file, lines.lineOf(path), problem);
    }
}
