package dev.upkeep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.history.PackageChange;
import dev.upkeep.history.PatchEvent;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.run.AnswerListener;
import dev.upkeep.run.ServerAnswer;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "history", description = "A server's own patch history, by anyone: apt's history logs (and their rotations), "
        + "unattended-upgrades' log and Upkeep's runs, merged, oldest first.")
final class HistoryCommand extends FleetCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);


    @Parameters(arity = "1", paramLabel = "SERVER", description = "The server (NAME or APP/NAME).")
    String server;
    @Option(names = "--app", paramLabel = "NAME", description = "The server's application, when names repeat.")
    String app;
    @Option(names = "--since", paramLabel = "DATE", description = "Only events from this day (YYYY-MM-DD, UTC) or instant on.")
    String since;
    @Option(names = "--json", description = "Print the history as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Instant from = since();
        Workspace ws = parent.workspace();
        List<ServerRef> refs = Selection.select(ws, app, List.of(server));
        if (refs.size() > 1) {
            throw new BadInputException("'" + server + "' names " + refs.size() + " servers: say which with APP/NAME");
        }
        List<ServerAnswer<PatchHistory>> answers = parent.statusService().history(ws, refs, from, upgradeServices().history(),
                AnswerListener.none()).completion().get();
        ServerAnswer<PatchHistory> a = answers.get(0);
        PrintWriter out = out();
        PrintWriter err = err();
        if (!a.answered()) {
            err.println(a.server() + ": " + a.error());
            err.flush();
            return ExitCodes.SOME_FAILED;
        }
        PatchHistory h = a.value();
        out.print(json ? json(a.server(), h) : text(h));
        out.flush();
        return ExitCodes.OK;
    }

    private Instant since() throws BadInputException {
        if (since == null) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--since: '" + since + "' is not a date (YYYY-MM-DD) nor an instant (2026-11-30T10:00:00Z)");
        }
    }

    static String text(PatchHistory h) {
        StringBuilder s = new StringBuilder();
        for (PatchEvent e : h.events()) {
            s.append(WHEN.format(e.start())).append("  ").append(String.format("%-19s  ", source(e)))
                    .append(String.format("%-28s  ", e.startedBy() == null ? "?" : e.startedBy()))
                    .append(e.security() ? "security  " : "          ");
            List<String> changes = e.changes().stream().map(PackageChange::toString).toList();
            s.append(changes.isEmpty() ? (e.summary() == null ? "" : e.summary()) : String.join(", ", changes));
            if (e.error() != null) {
                s.append("  ERROR: ").append(e.error());
            }
            s.append('\n');
        }
        if (h.events().isEmpty()) {
            s.append("No package changes in the logs read.\n");
        }
        s.append(h.logsSince() == null ? "No apt history log was read.\n"
                : "The apt logs read go back to " + WHEN.format(h.logsSince()) + " UTC.\n");
        h.notes().forEach(n -> s.append("Note: ").append(n).append('\n'));
        return s.toString();
    }

    private static String source(PatchEvent e) {
        return switch (e.source()) {
            case APT -> "apt";
            case UNATTENDED_UPGRADES -> "unattended-upgrades";
            case UPKEEP -> "upkeep";
        };
    }

    private static String json(ServerRef ref, PatchHistory h) throws JsonProcessingException {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("application", ref.application());
        top.put("server", ref.server());
        top.put("logsSince", h.logsSince() == null ? null : h.logsSince().toString());
        top.put("notes", h.notes());
        List<Map<String, Object>> events = new ArrayList<>();
        for (PatchEvent e : h.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", e.start().toString());
            m.put("end", e.end() == null ? null : e.end().toString());
            m.put("source", source(e));
            m.put("startedBy", e.startedBy());
            m.put("runId", e.runId());
            m.put("commandline", e.commandline());
            m.put("security", e.security());
            m.put("error", e.error());
            m.put("summary", e.summary());
            m.put("changes", e.changes().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("action", c.action().name().toLowerCase(Locale.ROOT));
                cm.put("package", c.name());
                cm.put("arch", c.arch());
                cm.put("from", c.from());
                cm.put("to", c.to());
                cm.put("automatic", c.automatic());
                return cm;
            }).toList());
            events.add(m);
        }
        top.put("events", events);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(top) + "\n";
    }
}
