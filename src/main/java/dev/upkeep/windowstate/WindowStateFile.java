package dev.upkeep.windowstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upkeep.files.AtomicFile;
import dev.upkeep.files.BoundedRead;
import dev.upkeep.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The remembered window state on disk: one small JSON file, 0600, replaced atomically. Reading never fails: a
 * missing, unreadable, oversized or malformed file is the empty state (with a log line), and each field that breaks
 * {@link WindowStateRules} is dropped on its own.
 */
public final class WindowStateFile {
    public static final String NAME = "window-state.json";
    /** The real file is a few hundred bytes; anything much larger was not written by us. */
    static final long MAX_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WindowStateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WindowStateFile() {
    }

    public static WindowState read(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedRead.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return WindowState.EMPTY;
        } catch (IOException e) {
            log.warn("Ignoring the remembered window state: {}", e.toString());
            return WindowState.EMPTY;
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new IOException("not a JSON object");
            }
            return WindowStateRules.check(parse(root), file.toString());
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the remembered window state in {}: {}", file, e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage());
            return WindowState.EMPTY;
        }
    }

    /** Creates the folder (0700) if needed and replaces the file (0600) in one step. */
    public static void write(Path file, WindowState state) throws IOException {
        PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(state)) + "\n",
                AtomicFile.Mode.PRIVATE);
    }

    static ObjectNode toJson(WindowState s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        if (s.bounds() != null) {
            ObjectNode w = root.putObject("window");
            w.put("x", s.bounds().x()).put("y", s.bounds().y()).put("width", s.bounds().width())
                    .put("height", s.bounds().height()).put("maximised", s.bounds().maximised());
        }
        ArrayNode dividers = root.putArray("dividers");
        s.dividers().forEach(dividers::add);
        ArrayNode columns = root.putArray("columns");
        s.columns().forEach(c -> columns.addObject().put("id", c.id()).put("width", c.width()));
        if (s.lastWorkspace() != null) {
            root.put("lastWorkspace", s.lastWorkspace());
        }
        if (s.theme() != null) {
            root.put("theme", s.theme().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    private static WindowState parse(JsonNode root) {
        WindowBounds bounds = null;
        JsonNode w = root.get("window");
        if (w != null && w.isObject()) {
            bounds = new WindowBounds(number(w, "x"), number(w, "y"), number(w, "width"), number(w, "height"),
                    w.path("maximised").asBoolean(false));
        }
        List<Double> dividers = new ArrayList<>();
        JsonNode d = root.get("dividers");
        if (d != null && d.isArray()) {
            d.forEach(n -> dividers.add(n.isNumber() ? n.doubleValue() : Double.NaN));
        }
        List<ColumnState> columns = new ArrayList<>();
        JsonNode c = root.get("columns");
        if (c != null && c.isArray()) {
            c.forEach(n -> columns.add(n.isObject() && n.path("id").isTextual()
                    ? new ColumnState(n.get("id").asText(), number(n, "width")) : new ColumnState(null, Double.NaN)));
        }
        JsonNode ws = root.get("lastWorkspace");
        return new WindowState(bounds, dividers, columns, ws != null && ws.isTextual() ? ws.asText() : null, theme(root.get("theme")));
    }

    /** NaN for a missing or non-numeric field, so that the rules drop it. */
    private static double number(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static ThemeChoice theme(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        for (ThemeChoice t : ThemeChoice.values()) {
            if (t.name().equalsIgnoreCase(n.asText())) {
                return t;
            }
        }
        log.warn("Ignoring the remembered theme '{}': light, dark or desktop", n.asText().length() > 40 ? n.asText().substring(0, 40) : n.asText());
        return null;
    }
}
