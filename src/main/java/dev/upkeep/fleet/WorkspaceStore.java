package dev.upkeep.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the workspace file. Reading never changes the file; writing is atomic (temp file + rename). */
public final class WorkspaceStore {
    private final ObjectMapper mapper = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A missing file is an empty workspace at that path (the first start), not an error. */
    public Workspace load(Path file) throws WorkspaceException {
        if (!Files.exists(file)) return Workspace.empty(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    public Workspace parse(String text, Path file) throws WorkspaceException {
        if (text.isBlank()) return Workspace.empty(file);
        WorkspaceDto dto;
        try {
            dto = mapper.readValue(text, WorkspaceDto.class);
        } catch (UnrecognizedPropertyException e) {
            throw new WorkspaceException(file, new YamlLines(text).lineOf(jsonPath(e)), "unknown key '" + e.getPropertyName()
                    + "' (known here: " + e.getKnownPropertyIds() + ")", e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            Object[] path = jsonPath(e);
            String key = path.length == 0 ? "the document" : "'" + path[path.length - 1] + "'";
            String expected = e.getTargetType() == null ? "another kind of value" : kind(e.getTargetType());
            throw new WorkspaceException(file, new YamlLines(text).lineOf(path), "wrong type for " + key + ": expected " + expected, e);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(file, line(e.getLocation()), e.getOriginalMessage(), e);
        }
        if (dto == null) return Workspace.empty(file);
        Workspace ws = new WorkspaceValidator(file, new YamlLines(text)).toWorkspace(dto);
        return ManifestServers.merge(ws);
    }

    public void save(Workspace workspace) throws IOException {
        Path file = workspace.file().toAbsolutePath();
        Files.createDirectories(file.getParent());
        String text = format(workspace);
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public String format(Workspace workspace) throws IOException {
        return mapper.writeValueAsString(toDto(workspace));
    }

    private static WorkspaceDto toDto(Workspace ws) {
        Settings s = ws.settings();
        var settings = new WorkspaceDto.SettingsDto(s.concurrency(), s.knownHosts(), s.sshConfig(), s.connectTimeoutSeconds(),
                s.weaveDownloadUrl(), s.weaveChecksums().isEmpty() ? null : s.weaveChecksums(),
                s.dockerTimeoutSeconds() == Settings.DEFAULT_DOCKER_TIMEOUT_SECONDS ? null : s.dockerTimeoutSeconds(),
                s.weaveTimeoutSeconds() == Settings.DEFAULT_WEAVE_TIMEOUT_SECONDS ? null : s.weaveTimeoutSeconds());
        List<WorkspaceDto.ApplicationDto> apps = new ArrayList<>();
        for (Application a : ws.applications()) {
            List<WorkspaceDto.ServerDto> servers = new ArrayList<>();
            for (Server v : a.servers()) {
                if (v.fromManifest()) continue;
                servers.add(new WorkspaceDto.ServerDto(v.name(), v.host(), v.port(), v.user(), v.identityFile(),
                        v.sudo() ? Boolean.TRUE : null, v.groups().isEmpty() ? null : v.groups()));
            }
            apps.add(new WorkspaceDto.ApplicationDto(a.name(), a.environment(), a.manifest(), a.failoverAddress(),
                    rebootDto(a.reboot()), servers));
        }
        return new WorkspaceDto(settings, apps);
    }

    /** Only what differs from the defaults is written, so an application without reboot settings stays without. */
    private static WorkspaceDto.RebootDto rebootDto(RebootPolicy p) {
        if (p.equals(RebootPolicy.DEFAULTS)) return null;
        RebootPolicy.HealthCheck h = p.healthCheck();
        WorkspaceDto.HealthCheckDto check = h == null ? null : new WorkspaceDto.HealthCheckDto(h.command(), h.url(),
                h.expectStatus() == RebootPolicy.HealthCheck.DEFAULT_STATUS ? null : h.expectStatus(),
                h.timeoutSeconds() == RebootPolicy.HealthCheck.DEFAULT_TIMEOUT_SECONDS ? null : h.timeoutSeconds());
        return new WorkspaceDto.RebootDto(
                p.timeoutSeconds() == RebootPolicy.DEFAULT_TIMEOUT_SECONDS ? null : p.timeoutSeconds(),
                p.postRebootDelaySeconds() == 0 ? null : p.postRebootDelaySeconds(), check, p.drain(), p.undrain());
    }

    private static Object[] jsonPath(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)) return new Object[0];
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex())
                .toArray();
    }

    private static String kind(Class<?> type) {
        if (type == String.class) return "a text value";
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.List.class.isAssignableFrom(type)) return "a list";
        return "a mapping (key: value lines)";
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
