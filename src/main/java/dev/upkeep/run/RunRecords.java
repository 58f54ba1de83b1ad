package dev.upkeep.run;

import dev.upkeep.history.UpkeepRunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** This machine's Upkeep runs on one server, read from the run history, as patch-history records. */
public final class RunRecords {
    private static final Logger log = LoggerFactory.getLogger(RunRecords.class);

    private final List<RunSummary> summaries;

    private RunRecords(List<RunSummary> summaries) {
        this.summaries = summaries;
    }

    /** Reads the history once; an unreadable one gives no records (and a warning), not a failed history. */
    public static RunRecords of(RunHistory history) {
        if (history == null) {
            return new RunRecords(List.of());
        }
        try {
            return new RunRecords(history.list());
        } catch (IOException e) {
            log.warn("Cannot read the run history {}: {}", history.directory(), e.toString());
            return new RunRecords(List.of());
        }
    }

    public List<UpkeepRunRecord> on(ServerRef server) {
        List<UpkeepRunRecord> out = new ArrayList<>();
        for (RunSummary s : summaries) {
            if (s.id().endsWith("-preflight")) {
                continue; // a simulation changed nothing
            }
            for (ServerResult r : s.results()) {
                if (!r.server().equals(server) || r.started() == null) {
                    continue;
                }
                out.add(new UpkeepRunRecord(s.id(), r.started(), r.started().plus(r.duration()), what(s.options()),
                        r.outcome().label() + (r.message() == null || r.message().isBlank() ? "" : " (" + r.message() + ")"),
                        s.options().security(), s.user()));
            }
        }
        return out;
    }

    /** "security upgrade + reboot", "restart services". */
    static String what(RunOptions o) {
        List<String> what = new ArrayList<>();
        if (o.security()) {
            what.add("security upgrade");
        }
        if (o.docker()) {
            what.add("Docker upgrade");
        }
        if (o.weave()) {
            what.add("Weave upgrade");
        }
        if (o.restartServices()) {
            what.add("restart services");
        }
        if (o.reboot() != RunOptions.Reboot.NONE) {
            what.add(o.reboot() == RunOptions.Reboot.IF_REQUIRED ? "reboot if required" : "reboot");
        }
        return what.isEmpty() ? "run" : String.join(" + ", what);
    }
}
