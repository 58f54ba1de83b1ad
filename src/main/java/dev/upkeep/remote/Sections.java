package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output of Upkeep's read-only scripts: a header line {@code @@upkeep-NAME 1}, then {@code key=value} lines, then
 * {@code @@section} lines, each followed by its raw lines. A section that appears twice keeps both parts in order.
 * Nothing before the header counts: a login banner or a shell's noise must never pass for a section.
 */
final class Sections {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, List<String>> sections = new LinkedHashMap<>();
    boolean header;

    static Sections of(String header, List<String> lines) {
        Sections s = new Sections();
        List<String> current = null;
        for (String line : lines) {
            if (!s.header) {
                if (line.startsWith("@@" + header + " ")) {
                    s.header = true;
                }
                continue;
            }
            if (line.startsWith("@@")) {
                current = s.sections.computeIfAbsent(line.substring(2).strip(), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    s.values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return s;
    }

    List<String> lines(String name) {
        return sections.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return sections.containsKey(name);
    }

    String value(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
