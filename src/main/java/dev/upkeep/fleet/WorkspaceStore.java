package dev.upkeep.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.upkeep.files.AtomicFile;
import dev.upkeep.files.BoundedRead;
import dev.upkeep.files.PrivateFiles;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the workspace file. Reading never changes the file. Writing is atomic and durable
 * ({@link AtomicFile}): a crash or a full disk leaves the previous file. A new file is private (0600) in a
 * private folder (0700); an existing one keeps the mode its owner gave it (docs/decisions/0010-private-files.md).
 */
public final class WorkspaceStore {
    /** A workspace of thousands of servers is well under a megabyte; anything past this is the wrong file. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private final UnaryOperator<Workspace> joined;

    /** A store that reads the workspace file alone. */
    public WorkspaceStore() {
        this(UnaryOperator.identity());
    }

    /**
     * A store whose loaded workspaces are passed through {@code joined}, which may add servers from elsewhere (the
     * applications' manifests, see {@code run.ManifestServers}); servers it marks {@code fromManifest} are never saved.
     */
    public WorkspaceStore(UnaryOperator<Workspace> joined) {
        this.joined = joined;
    }

    private final ObjectMapper mapper = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * A missing file is an empty workspace at that path (the first start), not an error. An existing file that is
     * empty, too large, not UTF-8 or not a regular file is an error.
     */
    public Workspace load(Path file) throws WorkspaceException {
        if (!Files.exists(file)) {
            return Workspace.empty(file);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(BoundedRead.read(file, MAX_BYTES))).toString();
        } catch (BoundedRead.FileTooLargeException e) {
            throw new WorkspaceException(file, 0, "the file is " + (e.size() < 0 ? "more than " + MAX_BYTES : e.size())
                    + " bytes; a workspace is at most " + MAX_BYTES, e);
        } catch (CharacterCodingException e) {
            throw new WorkspaceException(file, 0, "cannot read: not UTF-8 text", e);
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** The text of an existing file: no content, aliases and merge keys are errors (see {@link YamlShape}). */
    public Workspace parse(String text, Path file) throws WorkspaceException {
        YamlShape.check(text, file, MAX_BYTES);
        WorkspaceDto dto;
        try {
            dto = mapper.readValue(text, WorkspaceDto.class);
        } catch (UnrecognizedPropertyException e) {
            throw new WorkspaceException(file, new YamlLines(text).lineOf(jsonPath(e)), "unknown key '" + e.getPropertyName()
                    + "' (known here: " + e.getKnownPropertyIds() + ")", e);
        } catch (MismatchedInputException e) {
            Object[] path = jsonPath(e);
            String key = path.length == 0 ? "the document" : "'" + path[path.length - 1] + "'";
            String expected = e.getTargetType() == null ? "another kind of value" : kind(e.getTargetType());
            throw new WorkspaceException(file, new YamlLines(text).lineOf(path), "wrong type for " + key + ": expected " + expected, e);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(file, line(e.getLocation()), e.getOriginalMessage(), e);
        }
        if (dto == null) {
            return Workspace.empty(file);
        }
        Workspace ws = new WorkspaceValidator(file, new YamlLines(text)).toWorkspace(dto);
        return joined.apply(ws);
    }

    /** @throws dev.upkeep.files.DiskFullException when there is no room; the file is then unchanged */
    public void save(Workspace workspace) throws IOException {
        Path file = workspace.file().toAbsolutePath();
        PrivateFiles.createDirectories(file.getParent());
        AtomicFile.write(file, format(workspace), AtomicFile.Mode.KEEP_EXISTING);
    }

    public String format(Workspace workspace) throws IOException {
        return mapper.writeValueAsString(toDto(workspace));
    }

    private static WorkspaceDto toDto(Workspace ws) {
        Settings s = ws.settings();
        var settings = new WorkspaceDto.SettingsDto(s.concurrency(), s.knownHosts(), s.sshConfig(), s.connectTimeoutSeconds(),
                s.weaveDownloadUrl(), s.weaveChecksums().isEmpty() ? null : s.weaveChecksums(),
                s.dockerTimeoutSeconds() == Settings.DEFAULT_DOCKER_TIMEOUT_SECONDS ? null : s.dockerTimeoutSeconds(),
                s.weaveTimeoutSeconds() == Settings.DEFAULT_WEAVE_TIMEOUT_SECONDS ? null : s.weaveTimeoutSeconds(),
                s.patchAgeWarnDays() == Settings.DEFAULT_PATCH_AGE_WARN_DAYS ? null : s.patchAgeWarnDays());
        List<WorkspaceDto.ApplicationDto> apps = new ArrayList<>();
        for (Application a : ws.applications()) {
            List<WorkspaceDto.ServerDto> servers = new ArrayList<>();
            for (Server v : a.servers()) {
                if (v.fromManifest()) {
                    continue;
                }
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
        if (p.equals(RebootPolicy.DEFAULTS)) {
            return null;
        }
        RebootPolicy.HealthCheck h = p.healthCheck();
        WorkspaceDto.HealthCheckDto check = h == null ? null : new WorkspaceDto.HealthCheckDto(h.command(), h.url(),
                h.expectStatus() == RebootPolicy.HealthCheck.DEFAULT_STATUS ? null : h.expectStatus(),
                h.timeoutSeconds() == RebootPolicy.HealthCheck.DEFAULT_TIMEOUT_SECONDS ? null : h.timeoutSeconds());
        return new WorkspaceDto.RebootDto(
                p.timeoutSeconds() == RebootPolicy.DEFAULT_TIMEOUT_SECONDS ? null : p.timeoutSeconds(),
                p.postRebootDelaySeconds() == 0 ? null : p.postRebootDelaySeconds(), check, p.drain(), p.undrain());
    }

    private static Object[] jsonPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return new Object[0];
        }
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex())
                .toArray();
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a text value";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (key: value lines)";
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        return options;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
